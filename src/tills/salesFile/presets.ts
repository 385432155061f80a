import { foldText } from '../../domain/text.ts';
import type { ColumnMapping } from './mapping.ts';
import type { SALES_FILE_FIELDS } from './mapping.ts';

/** A column mapping Cellier ships; `source` says where its column names come from (docs/tills/sales-file.md). */
type ShippedPreset = { name: string; mapping: ColumnMapping; source: string };

// Only layouts whose column names are published ship here; see docs/tills/sales-file.md for the search made.
export const SHIPPED_PRESETS: readonly ShippedPreset[] = [
  {
    name: 'Modèle Cellier — lignes de ticket',
    mapping: {
      date: 'Date',
      ticket: 'Ticket',
      productCode: 'Code article',
      label: 'Libellé',
      family: 'Famille',
      quantity: 'Quantité',
      unitPrice: 'Prix unitaire TTC',
      amountInclTax: 'Montant TTC',
      amountExclTax: 'Montant HT',
    },
    source: 'docs/tills/sales-file.md § Modèle Cellier',
  },
  {
    name: 'Modèle Cellier — ventes par article',
    mapping: {
      date: 'Date',
      productCode: 'Code article',
      label: 'Libellé',
      family: 'Famille',
      quantity: 'Quantité',
      amountInclTax: 'Montant TTC',
      amountExclTax: 'Montant HT',
    },
    source: 'docs/tills/sales-file.md § Modèle Cellier',
  },
];

/** Words that usually name each field in French (and English) exports; used to propose a first mapping. */
const HINTS: Record<(typeof SALES_FILE_FIELDS)[number], RegExp> = {
  productCode: /^(code|ref|reference|plu|sku|id article|code article|code produit|id produit)\b/,
  label: /^(libelle|article|produit|designation|nom|product|item|name)\b/,
  family: /^(famille|categorie|category|rayon|groupe)\b/,
  quantity: /^(quantite|qte|qty|quantity|nb|nombre)\b/,
  amountInclTax: /(ttc|total ttc|montant ttc|ca ttc|incl|gross|montant|total)$/,
  amountExclTax: /(\bht|hors taxe|excl|net)$/,
  unitPrice: /^(prix|pu|unit price|prix unitaire)/,
  date: /^(date|jour|day|date heure|horodatage)\b/,
  time: /^(heure|time|hour)\b/,
  ticket: /^(ticket|n ticket|numero ticket|facture|commande|order|receipt|addition|note)\b/,
};

/** A first guess from the header names: each field gets the first unused column whose name fits. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  // Specific fields first so that "Montant HT" is not taken as the TTC amount.
  const order = [
    'amountExclTax',
    'unitPrice',
    'productCode',
    'time',
    'ticket',
    'family',
    'quantity',
    'label',
    'date',
    'amountInclTax',
  ] as const;
  for (const field of order) {
    const at = headers.findIndex((h, i) => !used.has(i) && HINTS[field].test(foldText(h)));
    if (at >= 0) {
      used.add(at);
      mapping[field] = headers[at];
    }
  }
  return mapping;
}

/** The presets (shipped and saved) whose every column is in the file, best first (most columns). */
export function matchingPresets<T extends { name: string; mapping: ColumnMapping }>(
  presets: readonly T[],
  headers: readonly string[],
): T[] {
  const names = new Set(headers.map(foldText));
  return presets
    .filter((p) => Object.values(p.mapping).every((h) => !h || names.has(foldText(h))))
    .sort((a, b) => Object.keys(b.mapping).length - Object.keys(a.mapping).length);
}
