import type { Db } from '../../db/database.ts';
import {
  activeDrinks,
  drinkIdentities,
  roundQuantity,
  unlinkedDrinkRevenue,
  type DrinkIdentity,
} from '../../db/repositories/bevFacts.ts';
import { bevCostPercent, coefficient, consumptionAtCost } from '../../domain/cmup.ts';
import { drinkDisplayName } from '../../domain/drink.ts';
import { bucketsIn, loadReportFacts, valuedAt, type ReportFacts } from './reportFacts.ts';

export type MarginRow = {
  key: string;
  name: string;
  category: string;
  quantitySold: number;
  revenueExclTaxCents: number;
  costCents: number;
  marginCents: number;
  coefficient: number | null;
};

export type BevCost = {
  fromAt: Date;
  toAt: Date;
  openingValueCents: number;
  purchasesCents: number;
  closingValueCents: number;
  consumptionCents: number;
  linkedRevenueExclTaxCents: number;
  unlinkedRevenueExclTaxCents: number;
  bevCostPercent: number | null;
  drinks: MarginRow[];
  categories: MarginRow[];
  dormant: {
    days: number;
    valueCents: number;
    items: {
      drinkId: string;
      name: string;
      quantity: number;
      valueCents: number;
      lastActivityAt: string | null;
    }[];
  };
  stockByCategory: { category: string; valueCents: number }[];
};

const DAY_MS = 86_400_000;

export const dormantSince = (toAt: Date, dormantDays: number): Date =>
  new Date(toAt.getTime() - dormantDays * DAY_MS);

/**
 * Coût matière over (fromAt, toAt]: consumption at cost = opening stock value + purchases − closing stock value, over
 * the linked beverage revenue excluding tax. Per drink, the cost of what was sold is its quantity at the closing CMUP.
 */
export async function computeBevCost(
  db: Db,
  establishmentId: string,
  fromAt: Date,
  toAt: Date,
  dormantDays = 90,
): Promise<BevCost> {
  const since = dormantSince(toAt, dormantDays);
  // One statement after the other: a request runs on one connection, and none is sent once its client has gone.
  const facts = await loadReportFacts(db, establishmentId, { valuedAt: [fromAt, toAt], detailFrom: fromAt });
  const identities = await drinkIdentities(db, establishmentId);
  const unlinked = await unlinkedDrinkRevenue(db, establishmentId, fromAt, toAt);
  const active = await activeDrinks(db, establishmentId, since, toAt);
  return bevCostFromFacts(facts, { identities, unlinked, active }, fromAt, toAt, dormantDays);
}

type PeriodTotals = {
  sales: Map<string, { quantity: number; revenueExclTaxCents: number }>;
  linkedRevenueExclTaxCents: number;
  purchases: Map<string, { pricedCents: number; unpricedQuantity: number }>;
};

/** Sales and receipts of the buckets in (fromAt, toAt], summed per drink. */
export function periodTotals(facts: ReportFacts, fromAt: Date, toAt: Date): PeriodTotals {
  const inPeriod = bucketsIn(facts, fromAt, toAt);
  const sales = new Map<string, { quantity: number; revenueExclTaxCents: number }>();
  let linkedRevenueExclTaxCents = 0;
  for (const r of facts.sales) {
    if (!inPeriod.has(r.bucket)) continue;
    linkedRevenueExclTaxCents += r.revenueExclTaxCents;
    if (r.drinkId === null) continue;
    const s = sales.get(r.drinkId) ?? { quantity: 0, revenueExclTaxCents: 0 };
    s.quantity += r.quantity;
    s.revenueExclTaxCents += r.revenueExclTaxCents;
    sales.set(r.drinkId, s);
  }
  const purchases = new Map<string, { pricedCents: number; unpricedQuantity: number }>();
  for (const m of facts.receipts) {
    if (!inPeriod.has(m.bucket)) continue;
    const p = purchases.get(m.drinkId) ?? { pricedCents: 0, unpricedQuantity: 0 };
    p.pricedCents += m.pricedCents;
    p.unpricedQuantity += m.unpricedQuantity;
    purchases.set(m.drinkId, p);
  }
  return { sales, linkedRevenueExclTaxCents, purchases };
}

/** What the coût matière reads beside the facts: names, unlinked drink revenue, drinks alive in the dormancy window. */
type BevExtras = { identities: Map<string, DrinkIdentity>; unlinked: number; active: Set<string> };

export function bevCostFromFacts(
  facts: ReportFacts,
  { identities, unlinked: unlinkedRevenueExclTaxCents, active }: BevExtras,
  fromAt: Date,
  toAt: Date,
  dormantDays: number,
): BevCost {
  const opening = valuedAt(facts, fromAt);
  const closing = valuedAt(facts, toAt);
  const closingCost = new Map(closing.map((c) => [c.drinkId, c.unitCostCents]));
  const totals = periodTotals(facts, fromAt, toAt);
  let purchasesCents = 0;
  for (const [drinkId, p] of totals.purchases)
    purchasesCents +=
      Math.round(p.pricedCents) + Math.round(p.unpricedQuantity * (closingCost.get(drinkId) ?? 0));
  const openingValueCents = opening.reduce((s, o) => s + o.valueCents, 0);
  const closingValueCents = closing.reduce((s, o) => s + o.valueCents, 0);
  const consumptionCents = consumptionAtCost(openingValueCents, purchasesCents, closingValueCents);
  const linkedRevenueExclTaxCents = totals.linkedRevenueExclTaxCents;

  const drinks: MarginRow[] = [...totals.sales].map(([drinkId, s]) => {
    const d = identities.get(drinkId);
    const quantity = roundQuantity(s.quantity);
    const costCents = Math.round(quantity * (closingCost.get(drinkId) ?? 0));
    return {
      key: drinkId,
      name: d ? `${drinkDisplayName(d)} · ${d.formatCl} cl` : drinkId,
      category: d?.type ?? 'other',
      quantitySold: quantity,
      revenueExclTaxCents: s.revenueExclTaxCents,
      costCents,
      marginCents: s.revenueExclTaxCents - costCents,
      coefficient: coefficient(s.revenueExclTaxCents, costCents),
    };
  });
  drinks.sort((a, b) => b.revenueExclTaxCents - a.revenueExclTaxCents);
  const byCategory = new Map<string, MarginRow>();
  for (const r of drinks) {
    const c = byCategory.get(r.category) ?? {
      key: r.category,
      name: r.category,
      category: r.category,
      quantitySold: 0,
      revenueExclTaxCents: 0,
      costCents: 0,
      marginCents: 0,
      coefficient: null,
    };
    c.quantitySold = Math.round((c.quantitySold + r.quantitySold) * 1000) / 1000;
    c.revenueExclTaxCents += r.revenueExclTaxCents;
    c.costCents += r.costCents;
    c.marginCents += r.marginCents;
    c.coefficient = coefficient(c.revenueExclTaxCents, c.costCents);
    byCategory.set(r.category, c);
  }

  const dormantItems = closing
    .filter((c) => c.quantity > 0 && !active.has(c.drinkId))
    .map((c) => {
      const d = identities.get(c.drinkId);
      return {
        drinkId: c.drinkId,
        name: d ? `${drinkDisplayName(d)} · ${d.formatCl} cl` : c.drinkId,
        quantity: c.quantity,
        valueCents: c.valueCents,
        lastActivityAt: null,
      };
    })
    .sort((a, b) => b.valueCents - a.valueCents);
  const stockByCategory = new Map<string, number>();
  for (const c of closing) {
    const cat = identities.get(c.drinkId)?.type ?? 'other';
    stockByCategory.set(cat, (stockByCategory.get(cat) ?? 0) + c.valueCents);
  }

  return {
    fromAt,
    toAt,
    openingValueCents,
    purchasesCents,
    closingValueCents,
    consumptionCents,
    linkedRevenueExclTaxCents,
    unlinkedRevenueExclTaxCents,
    bevCostPercent: bevCostPercent(consumptionCents, linkedRevenueExclTaxCents),
    drinks,
    categories: [...byCategory.values()].sort((a, b) => b.revenueExclTaxCents - a.revenueExclTaxCents),
    dormant: {
      days: dormantDays,
      valueCents: dormantItems.reduce((s, i) => s + i.valueCents, 0),
      items: dormantItems.slice(0, 50),
    },
    stockByCategory: [...stockByCategory.entries()]
      .map(([category, valueCents]) => ({ category, valueCents }))
      .sort((a, b) => b.valueCents - a.valueCents),
  };
}
