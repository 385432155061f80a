/** The variance (écart) of one inventaire: what the ledger expected at the cut-off against what was counted. */
type VarianceInput = {
  drinkId: string;
  name: string;
  category: string;
  expected: number;
  /** Null when not counted (and uncounted does not mean zero). */
  counted: number | null;
  unitCostCents: number | null;
  tillPriceCents: number | null;
  linked: boolean;
  receiptsInPeriod: number;
  recentLink: boolean;
  reason: { reasonId: string; label: string; comment: string | null; by: string | null; at: Date } | null;
};

type LikelyCause = 'receipt_missing' | 'unlinked_sales' | 'recent_link';

export type VarianceRow = VarianceInput & {
  difference: number | null;
  differenceCostCents: number | null;
  differenceSaleCents: number | null;
  reasonRequired: boolean;
  causes: LikelyCause[];
};

export type VarianceTotals = {
  category: string;
  drinks: number;
  difference: number;
  differenceCostCents: number;
  differenceSaleCents: number;
  expectedCostCents: number;
  countedCostCents: number;
};

const round3 = (q: number) => Math.round(q * 1000) / 1000;
const money = (q: number | null, unit: number | null) =>
  q === null || unit === null ? null : Math.round(q * unit);

export function varianceRow(v: VarianceInput, thresholdCents: number): VarianceRow {
  const difference = v.counted === null ? null : round3(v.counted - v.expected);
  const differenceCostCents = money(difference, v.unitCostCents);
  const differenceSaleCents = money(difference, v.tillPriceCents);
  // Without a cost, a gap of one bottle or more asks for a reason.
  const reasonRequired =
    difference !== null &&
    difference !== 0 &&
    (differenceCostCents === null
      ? Math.abs(difference) >= 1
      : Math.abs(differenceCostCents) >= thresholdCents);
  const causes: LikelyCause[] = [];
  if (difference !== null && difference > 0 && v.receiptsInPeriod === 0) causes.push('receipt_missing');
  if (difference !== null && difference < 0 && !v.linked) causes.push('unlinked_sales');
  if (difference !== null && difference !== 0 && v.recentLink) causes.push('recent_link');
  return { ...v, difference, differenceCostCents, differenceSaleCents, reasonRequired, causes };
}

export function varianceTotals(rows: readonly VarianceRow[]): {
  byCategory: VarianceTotals[];
  all: VarianceTotals;
} {
  const map = new Map<string, VarianceTotals>();
  const empty = (category: string): VarianceTotals => ({
    category,
    drinks: 0,
    difference: 0,
    differenceCostCents: 0,
    differenceSaleCents: 0,
    expectedCostCents: 0,
    countedCostCents: 0,
  });
  const all = empty('*');
  for (const r of rows) {
    if (r.counted === null) continue;
    const t = map.get(r.category) ?? empty(r.category);
    map.set(r.category, t);
    for (const acc of [t, all]) {
      acc.drinks += 1;
      acc.difference = round3(acc.difference + (r.difference ?? 0));
      acc.differenceCostCents += r.differenceCostCents ?? 0;
      acc.differenceSaleCents += r.differenceSaleCents ?? 0;
      acc.expectedCostCents += money(Math.max(r.expected, 0), r.unitCostCents) ?? 0;
      acc.countedCostCents += money(r.counted, r.unitCostCents) ?? 0;
    }
  }
  return { byCategory: [...map.values()].sort((a, b) => a.category.localeCompare(b.category)), all };
}

/** The largest losses at cost first (most negative difference). */
export function topLosses(rows: readonly VarianceRow[], n = 10): VarianceRow[] {
  return rows
    .filter(
      (r) => (r.differenceCostCents ?? 0) < 0 || (r.differenceCostCents === null && (r.difference ?? 0) < 0),
    )
    .sort(
      (a, b) => (a.differenceCostCents ?? a.difference ?? 0) - (b.differenceCostCents ?? b.difference ?? 0),
    )
    .slice(0, n);
}
