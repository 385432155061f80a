import { z } from 'zod';
import { foldText } from '../../domain/text.ts';
import type { Cell } from './values.ts';

/** What a column of a sales file can mean. */
export const SALES_FILE_FIELDS = [
  'productCode',
  'label',
  'family',
  'quantity',
  'amountInclTax',
  'amountExclTax',
  'unitPrice',
  'date',
  'time',
  'ticket',
] as const;
export type SalesFileField = (typeof SALES_FILE_FIELDS)[number];

export const FIELD_LABELS: Record<SalesFileField, string> = {
  productCode: 'Code article',
  label: 'Libellé',
  family: 'Famille',
  quantity: 'Quantité',
  amountInclTax: 'Montant TTC',
  amountExclTax: 'Montant HT',
  unitPrice: 'Prix unitaire TTC',
  date: 'Date (ou date et heure)',
  time: 'Heure',
  ticket: 'Ticket',
};

const header = z.string().trim().min(1).max(200);

/** A column mapping: for each field, the header of the column that holds it (as written in the file). */
export const columnMappingSchema = z
  .object(
    Object.fromEntries(SALES_FILE_FIELDS.map((f) => [f, header.optional()])) as {
      [K in SalesFileField]: z.ZodOptional<typeof header>;
    },
  )
  .strict();
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** The fields a mapping must name; a day can stand in for the date column (a one-day "ventes par article"). */
export function missingFields(mapping: ColumnMapping, hasFixedDay: boolean): SalesFileField[] {
  const missing: SalesFileField[] = [];
  if (!mapping.label && !mapping.productCode) missing.push('label');
  if (!mapping.quantity) missing.push('quantity');
  if (!mapping.amountInclTax) missing.push('amountInclTax');
  if (!mapping.date && !hasFixedDay) missing.push('date');
  return missing;
}

const fold = (s: string) => foldText(s);
const isHeaderLike = (c: Cell) => typeof c === 'string' && !/^[-+]?[\d\s.,€]+$/.test(c.trim());

/**
 * The header row among the first rows: the first one that names every mapped column, or, without a mapping,
 * the first row of text cells as wide as the widest of the first rows (title lines above it are skipped).
 */
export function findHeaderRow(rows: readonly Cell[][], mapping?: ColumnMapping): number {
  const wanted = mapping
    ? Object.values(mapping)
        .filter((v): v is string => !!v)
        .map(fold)
    : [];
  if (wanted.length > 0) {
    return rows.findIndex((r) => {
      const names = new Set(r.map((c) => fold(typeof c === 'string' ? c : '')));
      return wanted.every((w) => names.has(w));
    });
  }
  const width = (r: Cell[]) => r.filter((c) => c !== null).length;
  const widest = Math.max(0, ...rows.map(width));
  return rows.findIndex(
    (r) => width(r) >= Math.max(2, widest) && r.every((c) => c === null || isHeaderLike(c)),
  );
}

/** Column index of each mapped field in the header row (folded comparison: case, accents, punctuation). */
export function resolveColumns(
  headerRow: readonly Cell[],
  mapping: ColumnMapping,
): { columns: Partial<Record<SalesFileField, number>>; unknown: string[] } {
  const index = new Map<string, number>();
  headerRow.forEach((c, i) => {
    const key = fold(typeof c === 'string' ? c : '');
    if (key !== '' && !index.has(key)) index.set(key, i);
  });
  const columns: Partial<Record<SalesFileField, number>> = {};
  const unknown: string[] = [];
  for (const field of SALES_FILE_FIELDS) {
    const name = mapping[field];
    if (!name) continue;
    const at = index.get(fold(name));
    if (at === undefined) unknown.push(name);
    else columns[field] = at;
  }
  return { columns, unknown };
}

/** Headers as the user sees them (blank ones named by their column letter). */
export function headerNames(headerRow: readonly Cell[]): string[] {
  return headerRow.map((c, i) =>
    typeof c === 'string' && c.trim() !== '' ? c.trim() : `Colonne ${columnLetter(i)}`,
  );
}

function columnLetter(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
