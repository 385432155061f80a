/**
 * Coût moyen unitaire pondéré (CMUP): after a receipt, the unit cost is the value of the stock on hand at the old
 * cost plus the receipt at its price, over the new quantity. Negative stock on hand counts as none (it has no value).
 */
export function weightedAverageCost(
  stockBefore: number,
  costBeforeCents: number | null,
  received: number,
  receiptPriceCents: number,
): number {
  const onHand = costBeforeCents === null ? 0 : Math.max(stockBefore, 0);
  const total = onHand + received;
  if (total <= 0) return receiptPriceCents;
  const cost = (onHand * (costBeforeCents ?? 0) + received * receiptPriceCents) / total;
  return Math.round(cost * 100) / 100;
}

/** Coût matière: what the period consumed, valued at cost. */
export function consumptionAtCost(
  openingCents: number,
  purchasesCents: number,
  closingCents: number,
): number {
  return openingCents + purchasesCents - closingCents;
}

/** BEV cost % = consumption at cost ÷ revenue excluding tax; null without revenue. */
export function bevCostPercent(consumptionCents: number, revenueExclTaxCents: number): number | null {
  if (revenueExclTaxCents <= 0) return null;
  return Math.round((consumptionCents / revenueExclTaxCents) * 10_000) / 100;
}

/** Coefficient: selling price excluding tax over cost (the French "coef"). */
export function coefficient(revenueCents: number, costCents: number): number | null {
  if (costCents <= 0) return null;
  return Math.round((revenueCents / costCents) * 100) / 100;
}
