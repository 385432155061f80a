import type { Db } from '../../db/database.ts';
import {
  drinkIdentities,
  lastActivity,
  linkedSalesByDrink,
  purchasesByDrink,
  unlinkedDrinkRevenue,
} from '../../db/repositories/bevFacts.ts';
import { bevCostPercent, coefficient, consumptionAtCost } from '../../domain/cmup.ts';
import { drinkDisplayName } from '../../domain/drink.ts';
import { valuedStockAt } from './stockValue.ts';

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
  const identities = await drinkIdentities(db, establishmentId);
  const opening = await valuedStockAt(db, establishmentId, fromAt);
  const closing = await valuedStockAt(db, establishmentId, toAt);
  const closingCost = new Map(closing.map((c) => [c.drinkId, c.unitCostCents]));
  const purchases = await purchasesByDrink(db, establishmentId, fromAt, toAt);
  const purchasesCents = purchases.reduce(
    (s, p) => s + p.pricedCents + Math.round(p.unpricedQuantity * (closingCost.get(p.drinkId) ?? 0)),
    0,
  );
  const openingValueCents = opening.reduce((s, o) => s + o.valueCents, 0);
  const closingValueCents = closing.reduce((s, o) => s + o.valueCents, 0);
  const consumptionCents = consumptionAtCost(openingValueCents, purchasesCents, closingValueCents);
  const sales = await linkedSalesByDrink(db, establishmentId, fromAt, toAt);
  const unlinkedRevenueExclTaxCents = await unlinkedDrinkRevenue(db, establishmentId, fromAt, toAt);
  const linkedRevenueExclTaxCents = sales.reduce((s, r) => s + r.revenueExclTaxCents, 0);

  const drinks: MarginRow[] = sales.map((s) => {
    const d = identities.get(s.drinkId);
    const costCents = Math.round(s.quantity * (closingCost.get(s.drinkId) ?? 0));
    return {
      key: s.drinkId,
      name: d ? `${drinkDisplayName(d)} · ${d.formatCl} cl` : s.drinkId,
      category: d?.type ?? 'other',
      quantitySold: s.quantity,
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

  const since = new Date(toAt.getTime() - dormantDays * DAY_MS);
  const active = await lastActivity(db, establishmentId, toAt, since);
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
