import type { VarianceReport } from '../counts/varianceReport.ts';
import type { BevCost } from './bevCost.ts';

/** A table as every export writes it: French headers, plain values (euros, not cents). */
type Column = {
  header: string;
  key: string;
  width?: number;
  kind?: 'text' | 'number' | 'euros' | 'percent';
};
export type Table = { name: string; columns: Column[]; rows: Record<string, string | number | null>[] };

const eur = (cents: number | null) => (cents === null ? null : cents / 100);

const CATEGORY_FR: Record<string, string> = {
  wine: 'Vin',
  sparkling: 'Effervescent',
  champagne: 'Champagne',
  fortified: 'Vin muté',
  spirit: 'Spiritueux',
  beer: 'Bière',
  cider: 'Cidre',
  soft: 'Sans alcool',
  other: 'Autre',
};
const cat = (c: string) => CATEGORY_FR[c] ?? c;

export function varianceTables(r: VarianceReport): Table[] {
  const rows = r.rows.map((v) => ({
    name: v.name,
    category: cat(v.category),
    expected: v.expected,
    counted: v.counted,
    difference: v.difference,
    differenceCost: eur(v.differenceCostCents),
    differenceSale: eur(v.differenceSaleCents),
    reason: v.reason?.label ?? (v.reasonRequired ? 'À justifier' : null),
    comment: v.reason?.comment ?? null,
  }));
  return [
    {
      name: 'Écarts',
      columns: [
        { header: 'Boisson', key: 'name', width: 44 },
        { header: 'Catégorie', key: 'category', width: 14 },
        { header: 'Attendu', key: 'expected', kind: 'number' },
        { header: 'Compté', key: 'counted', kind: 'number' },
        { header: 'Écart', key: 'difference', kind: 'number' },
        { header: 'Écart au coût (€)', key: 'differenceCost', kind: 'euros' },
        { header: 'Écart au prix caisse (€)', key: 'differenceSale', kind: 'euros' },
        { header: 'Motif', key: 'reason', width: 24 },
        { header: 'Commentaire', key: 'comment', width: 30 },
      ],
      rows,
    },
    {
      name: 'Par catégorie',
      columns: [
        { header: 'Catégorie', key: 'category', width: 16 },
        { header: 'Boissons comptées', key: 'drinks', kind: 'number' },
        { header: 'Écart (unités)', key: 'difference', kind: 'number' },
        { header: 'Écart au coût (€)', key: 'differenceCost', kind: 'euros' },
        { header: 'Écart au prix caisse (€)', key: 'differenceSale', kind: 'euros' },
      ],
      rows: [...r.byCategory, { ...r.totals, category: 'Total' }].map((t) => ({
        category: t.category === 'Total' ? 'Total' : cat(t.category),
        drinks: t.drinks,
        difference: t.difference,
        differenceCost: eur(t.differenceCostCents),
        differenceSale: eur(t.differenceSaleCents),
      })),
    },
  ];
}

export function bevTables(b: BevCost): Table[] {
  const margin = (_rows: BevCost['drinks'], nameHeader: string): Table['columns'] => [
    { header: nameHeader, key: 'name', width: 44 },
    { header: 'Quantité vendue', key: 'quantity', kind: 'number' },
    { header: 'CA HT (€)', key: 'revenue', kind: 'euros' },
    { header: 'Coût (€)', key: 'cost', kind: 'euros' },
    { header: 'Marge (€)', key: 'margin', kind: 'euros' },
    { header: 'Coefficient', key: 'coef', kind: 'number' },
  ];
  const toRow = (m: BevCost['drinks'][number], name: string) => ({
    name,
    quantity: m.quantitySold,
    revenue: eur(m.revenueExclTaxCents),
    cost: eur(m.costCents),
    margin: eur(m.marginCents),
    coef: m.coefficient,
  });
  return [
    {
      name: 'Coût matière',
      columns: [
        { header: 'Indicateur', key: 'label', width: 40 },
        { header: 'Valeur', key: 'value', kind: 'number', width: 16 },
      ],
      rows: [
        { label: 'Stock initial (€)', value: eur(b.openingValueCents) },
        { label: 'Achats (€)', value: eur(b.purchasesCents) },
        { label: 'Stock final (€)', value: eur(b.closingValueCents) },
        { label: 'Consommation au coût (€)', value: eur(b.consumptionCents) },
        { label: 'CA boissons HT lié (€)', value: eur(b.linkedRevenueExclTaxCents) },
        { label: 'CA boissons HT non lié (€)', value: eur(b.unlinkedRevenueExclTaxCents) },
        { label: 'Coût matière (%)', value: b.bevCostPercent },
      ],
    },
    {
      name: 'Par boisson',
      columns: margin(b.drinks, 'Boisson'),
      rows: b.drinks.map((m) => toRow(m, m.name)),
    },
    {
      name: 'Par catégorie',
      columns: margin(b.categories, 'Catégorie'),
      rows: b.categories.map((m) => toRow(m, cat(m.category))),
    },
    {
      name: 'Stock dormant',
      columns: [
        { header: 'Boisson', key: 'name', width: 44 },
        { header: 'Quantité', key: 'quantity', kind: 'number' },
        { header: 'Valeur (€)', key: 'value', kind: 'euros' },
      ],
      rows: b.dormant.items.map((d) => ({ name: d.name, quantity: d.quantity, value: eur(d.valueCents) })),
    },
  ];
}
