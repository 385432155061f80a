import type { BevCost, MarginRow } from '../../services/reports/bevCost.ts';
import type { PeriodDays, ReportsOverview } from '../../services/reports/reports.ts';
import type { BevDto, OverviewDto } from '../routes/reports.schema.ts';

const eur = (cents: number) => cents / 100;
const marginDto = (m: MarginRow) => ({
  key: m.key,
  name: m.name,
  category: m.category,
  quantitySold: m.quantitySold,
  revenueExclTax: eur(m.revenueExclTaxCents),
  cost: eur(m.costCents),
  margin: eur(m.marginCents),
  coefficient: m.coefficient,
});

export function bevToDto(b: BevCost & PeriodDays): BevDto {
  return {
    label: b.label,
    fromDay: b.fromDay,
    toDay: b.toDay,
    fromAt: b.fromAt,
    toAt: b.toAt,
    openingValue: eur(b.openingValueCents),
    purchases: eur(b.purchasesCents),
    closingValue: eur(b.closingValueCents),
    consumption: eur(b.consumptionCents),
    linkedRevenueExclTax: eur(b.linkedRevenueExclTaxCents),
    unlinkedRevenueExclTax: eur(b.unlinkedRevenueExclTaxCents),
    bevCostPercent: b.bevCostPercent,
    drinks: b.drinks.map(marginDto),
    categories: b.categories.map(marginDto),
    dormant: {
      days: b.dormant.days,
      value: eur(b.dormant.valueCents),
      items: b.dormant.items.map((i) => ({
        drinkId: i.drinkId,
        name: i.name,
        quantity: i.quantity,
        value: eur(i.valueCents),
      })),
    },
    stockByCategory: b.stockByCategory.map((s) => ({ category: s.category, value: eur(s.valueCents) })),
  };
}

export function overviewToDto(o: ReportsOverview): OverviewDto {
  return {
    bev: bevToDto(o.bev),
    revenueByDay: o.revenueByDay.map((r) => ({
      day: r.day,
      category: r.category,
      revenueExclTax: eur(r.revenueExclTaxCents),
    })),
    bevByMonth: o.bevByMonth.map((p) => ({
      month: p.month,
      revenueExclTax: eur(p.revenueExclTaxCents),
      consumption: eur(p.consumptionCents),
      bevCostPercent: p.bevCostPercent,
    })),
  };
}
