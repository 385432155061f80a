import { isActiveOn, versionAt, type SimProduct } from '../catalogue.ts';
import { formatParis } from '../paris.ts';
import { pick, rngFor } from '../prng.ts';
import type { SimLine, SimTicket } from '../tickets.ts';

export type WireRecord = Record<string, unknown>;

/** Cents → HubRise money, "9.00 EUR". */
function hubriseMoney(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} EUR`;
}

/** The catalogue as HubRise lists it: products deleted at the till are gone, not flagged. */
export function catalogueProducts(products: SimProduct[], day: string): SimProduct[] {
  return products.filter((p) => isActiveOn(p, day));
}

export function categoryId(code: string): string {
  return `c${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 16);
}

export function productRecord(p: SimProduct, day: string): WireRecord {
  const { label, priceCents } = versionAt(p, day);
  return {
    id: `p${p.id.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 16),
    name: label,
    category_id: categoryId(p.family.code),
    category_ref: p.family.code,
    description: null,
    skus: [
      {
        id: `s${p.id.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 16),
        ref: p.id,
        name: null,
        price: hubriseMoney(priceCents),
      },
    ],
  };
}

type Item = { line: SimLine; quantity: number; amountCents: number };

/**
 * A ticket as a HubRise order. HubRise items carry no refund: a refund or void keyed later lowers the quantity of
 * the item it takes back (deleted at zero), so the order's net equals the ticket's.
 */
export function orderRecord(t: SimTicket, locationId: string): WireRecord {
  const items: Item[] = [];
  const extra: Item[] = [];
  for (const line of t.lines) {
    if (line.quantity > 0) {
      items.push({ line, quantity: line.quantity, amountCents: line.amountCents });
      continue;
    }
    const target = items.find((i) => i.line.productId === line.productId && i.quantity > 0);
    if (target) {
      target.quantity += line.quantity;
      target.amountCents += line.amountCents;
    } else extra.push({ line, quantity: line.quantity, amountCents: line.amountCents });
  }
  const all = [...items, ...extra].map((i) => {
    // An item taken back whole is flagged deleted, with what it was.
    const removed = i.line.quantity > 0 && i.quantity <= 0;
    return {
      line: i.line,
      removed,
      quantity: removed ? i.line.quantity : i.quantity,
      amountCents: removed ? i.line.amountCents : i.amountCents,
    };
  });
  const compact = t.ticketId.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  return {
    id: `o${compact}`,
    location_id: locationId,
    status: t.cancelled ? 'cancelled' : 'completed',
    service_type: 'eat_in',
    created_at: formatParis(t.openedAt),
    total: hubriseMoney(all.reduce((sum, i) => sum + (i.removed ? 0 : i.amountCents), 0)),
    items: all.map((i) => ({
      id: `i${compact}x${i.line.lineId}`,
      product_name: i.line.label,
      sku_name: null,
      sku_ref: i.line.productId,
      price: hubriseMoney(Math.round(i.line.amountCents / (i.line.quantity || 1))),
      quantity: String(i.quantity),
      subtotal: hubriseMoney(i.amountCents),
      deleted: i.removed,
      options: [],
    })),
  };
}

// Each mutation breaks one field, the way a faulty upstream app would.
type Mutation = (r: WireRecord) => void;
const set =
  (field: string, value: unknown): Mutation =>
  (r) => {
    r[field] = value;
  };
const drop =
  (field: string): Mutation =>
  (r) => {
    delete r[field];
  };
const MUTATIONS: Record<'product' | 'order' | 'item', Mutation[]> = {
  item: [
    set('quantity', 'deux'),
    set('price', 12.5),
    set('price', '12.50 USD'),
    drop('id'),
    set('product_name', ''),
    set('subtotal', 'beaucoup'),
  ],
  product: [set('name', 42), drop('id'), set('skus', 'aucun'), set('skus', [])],
  order: [set('created_at', '32/13/2026 25:00'), drop('id'), set('status', 'lost'), set('items', 'aucun')],
};

/** Breaks one field of a record with probability `rate`, deterministically per record key. */
export function maybeCorrupt(
  record: WireRecord,
  kind: 'product' | 'order' | 'item',
  rate: number,
  key: string,
): void {
  if (rate <= 0) return;
  const rng = rngFor('bad', 'hubrise', kind, key);
  if (rng() >= (kind === 'order' ? rate / 4 : rate)) return;
  pick(rng, MUTATIONS[kind])(record);
}
