/**
 * DESIGN §4: stock = last count + receipts and adjustments − losses − sales × factor, all after that count (the
 * base). Every drink is born with a count (its quantity on hand when it entered Cellier), so a till sale from
 * before the drink existed never moves its stock, however much history was imported before the link.
 */
export const MOVEMENT_KINDS = ['receipt', 'loss', 'adjustment', 'count'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export type StockMovement = {
  kind: MovementKind;
  quantity: number;
  occurredAt: Date;
  seq: number;
};
type StockSale = { quantity: number; factor: number; soldAt: Date };

type StockState = { quantity: number; lastCountAt: Date | null };

const isAfter = (at: Date, seq: number, base: { at: Date; seq: number } | null): boolean =>
  base === null || at.getTime() > base.at.getTime() || (at.getTime() === base.at.getTime() && seq > base.seq);

export function computeStock(
  movements: readonly StockMovement[],
  sales: readonly StockSale[] = [],
  asOf?: Date,
): StockState {
  const until = asOf?.getTime() ?? Infinity;
  let base: { at: Date; seq: number; quantity: number } | null = null;
  let origin: Date | null = null;
  for (const m of movements) {
    if (m.kind !== 'count') continue;
    if (origin === null || m.occurredAt.getTime() < origin.getTime()) origin = m.occurredAt;
    if (m.occurredAt.getTime() <= until && isAfter(m.occurredAt, m.seq, base))
      base = { at: m.occurredAt, seq: m.seq, quantity: m.quantity };
  }
  let quantity = base?.quantity ?? 0;
  for (const m of movements) {
    if (m.occurredAt.getTime() > until || !isAfter(m.occurredAt, m.seq, base)) continue;
    quantity += signedQuantity(m);
  }
  // Before its first count a drink was not in Cellier yet: as of then, no sale had moved its stock.
  const salesAfter = (base?.at ?? origin)?.getTime() ?? -Infinity;
  for (const s of sales) {
    const t = s.soldAt.getTime();
    if (t > salesAfter && t <= until) quantity -= s.quantity * s.factor;
  }
  return { quantity: roundQuantity(quantity), lastCountAt: base?.at ?? null };
}

function signedQuantity(m: Pick<StockMovement, 'kind' | 'quantity'>): number {
  switch (m.kind) {
    case 'receipt':
    case 'adjustment':
      return m.quantity;
    case 'loss':
      return -m.quantity;
    case 'count':
      return 0;
  }
}

/** Stock is shown to the thousandth of a bottle: a glass is 1/6 and six of them must make one. */
function roundQuantity(q: number): number {
  return Math.round(q * 1000) / 1000;
}

export function stockValueCents(quantity: number, purchasePriceCents: number | null): number | null {
  if (purchasePriceCents === null) return null;
  return Math.round(Math.max(quantity, 0) * purchasePriceCents);
}
