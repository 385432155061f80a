import { versionAt, isActiveOn, type SimProduct } from './catalogue.ts';
import { formatParis } from './paris.ts';
import { pick, rngFor } from './prng.ts';
import type { SimLine, SimTicket } from './tickets.ts';

/** Cents → the wire's decimal euros, "12.50" / "-3.20". */
function euros(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export type WireRecord = Record<string, unknown>;

export function productRecord(p: SimProduct, day: string): WireRecord {
  const { label, priceCents } = versionAt(p, day);
  return {
    id: p.id,
    label,
    family: { code: p.family.code, label: p.family.label },
    vatRate: p.vatRate.toFixed(2),
    price: euros(priceCents),
    active: isActiveOn(p, day),
    createdOn: p.createdOn,
  };
}

function lineRecord(l: SimLine): WireRecord {
  return {
    lineId: l.lineId,
    productId: l.productId,
    label: l.label,
    kind: l.kind,
    quantity: l.quantity,
    amountInclTax: euros(l.amountCents),
    amountExclTax: euros(l.amountExclTaxCents),
    discount: euros(l.discountCents),
    soldAt: formatParis(l.soldAt),
  };
}

export function ticketRecord(t: SimTicket): WireRecord {
  return {
    ticketId: t.ticketId,
    openedAt: formatParis(t.openedAt),
    closedAt: formatParis(t.closedAt),
    lines: t.lines.map(lineRecord),
  };
}

// Each mutation breaks exactly one field, the way a buggy till export would.
type Mutation = [field: string, apply: (r: WireRecord) => void];
const set =
  (field: string, value: unknown): Mutation[1] =>
  (r) => {
    r[field] = value;
  };
const drop =
  (field: string): Mutation[1] =>
  (r) => {
    delete r[field];
  };
const LINE_MUTATIONS: Mutation[] = [
  ['quantity', set('quantity', 'deux')],
  ['quantity', set('quantity', 1e21)],
  ['amountInclTax', set('amountInclTax', 12.5)],
  ['amountInclTax', set('amountInclTax', '99999999999999.99')],
  ['lineId', drop('lineId')],
  ['soldAt', set('soldAt', 'hier soir')],
  ['kind', set('kind', 'gift')],
  ['productId', set('productId', null)],
  ['label', set('label', '')],
];
const PRODUCT_MUTATIONS: Mutation[] = [
  ['label', set('label', 42)],
  ['price', set('price', 'douze')],
  ['active', set('active', 'oui')],
  ['id', drop('id')],
  ['vatRate', set('vatRate', -5)],
  ['family', set('family', 'VINS')],
];
const TICKET_MUTATIONS: Mutation[] = [
  ['closedAt', set('closedAt', '32/13/2026 25:00')],
  ['ticketId', drop('ticketId')],
  ['lines', set('lines', 'aucune')],
];

/** Breaks one field of a record with probability `rate`, deterministically per record key. */
export function maybeCorrupt(
  record: WireRecord,
  kind: 'product' | 'ticket' | 'line',
  rate: number,
  ...key: (string | number)[]
): string | null {
  if (rate <= 0) return null;
  const rng = rngFor('bad', kind, ...key);
  // Ticket heads break less often than lines: most damage in real exports is line-level.
  if (rng() >= (kind === 'ticket' ? rate / 4 : rate)) return null;
  const [field, apply] = pick(
    rng,
    kind === 'line' ? LINE_MUTATIONS : kind === 'product' ? PRODUCT_MUTATIONS : TICKET_MUTATIONS,
  );
  apply(record);
  return field;
}
