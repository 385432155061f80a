import type { VarianceRow, VarianceTotals } from '../../domain/variance.ts';
import type { VarianceHistoryItem } from '../../services/counts/varianceHistory.ts';
import type { VarianceReport } from '../../services/counts/varianceReport.ts';
import { sessionToDto } from './counts.ts';
import type { VarianceDto, VarianceTotalsDto } from '../routes/variance.schema.ts';

const eur = (cents: number | null) => (cents === null ? null : cents / 100);

const rowDto = (r: VarianceRow): VarianceDto['rows'][number] => ({
  drinkId: r.drinkId,
  name: r.name,
  category: r.category,
  expected: r.expected,
  counted: r.counted,
  difference: r.difference,
  unitCost: eur(r.unitCostCents),
  tillPrice: eur(r.tillPriceCents),
  differenceCost: eur(r.differenceCostCents),
  differenceSale: eur(r.differenceSaleCents),
  reasonRequired: r.reasonRequired,
  reason: r.reason,
  causes: r.causes,
});

const totalsDto = (t: VarianceTotals): VarianceTotalsDto => ({
  category: t.category,
  drinks: t.drinks,
  difference: t.difference,
  differenceCost: t.differenceCostCents / 100,
  differenceSale: t.differenceSaleCents / 100,
  expectedCost: t.expectedCostCents / 100,
  countedCost: t.countedCostCents / 100,
});

export function varianceToDto(r: VarianceReport): VarianceDto {
  return {
    session: sessionToDto(r.session),
    periodFrom: r.periodFrom,
    rows: r.rows.map(rowDto),
    byCategory: r.byCategory.map(totalsDto),
    totals: totalsDto(r.totals),
    topLosses: r.topLosses.map(rowDto),
    missingReasons: r.missingReasons,
    causes: {
      unlinkedSold: r.causes.unlinkedSold.map(({ revenueCents, ...u }) => ({
        ...u,
        revenue: revenueCents / 100,
      })),
      unlinkedRevenue: r.causes.unlinkedRevenueCents / 100,
      receiptsMissing: r.causes.receiptsMissing,
      recentLinks: r.causes.recentLinks,
      linkEvents: r.causes.linkEvents.map((e) => ({
        tillProductId: e.tillProductId,
        productLabel: e.productLabel,
        kind: e.kind,
        drinkId: e.drinkId ?? e.previousDrinkId,
        drinkName: e.drinkName,
        factor: e.factor,
        previousFactor: e.previousFactor,
        by: e.byEmail,
        at: e.at,
      })),
    },
  };
}

export const historyItemDto = (h: VarianceHistoryItem) => ({
  session: sessionToDto(h.session),
  totals: totalsDto(h.totals),
  lossCost: h.lossCostCents / 100,
  missingReasons: h.missingReasons,
});
