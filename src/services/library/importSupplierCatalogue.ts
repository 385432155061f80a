import type { Db } from '../../db/database.ts';
import {
  clearStagedCatalogue,
  publishStagedCatalogue,
  stageCatalogueEntries,
} from '../../db/repositories/catalogueStaging.ts';
import { upsertLibraryEntries, type LibraryInsert } from '../../db/repositories/library.ts';
import { COLOURS, DRINK_TYPES, type Colour, type DrinkType } from '../../domain/drink.ts';
import { AppError } from '../../domain/errors.ts';
import { foldText } from '../../domain/text.ts';
import { privateEntryRow } from './privateEntries.ts';
import { parseSupplierCsv } from './supplierCsv.ts';

export const CATALOGUE_FIELDS = [
  'producer',
  'cuvee',
  'appellation',
  'colour',
  'type',
  'vintage',
  'formatCl',
  'region',
  'country',
] as const;
type CatalogueField = (typeof CATALOGUE_FIELDS)[number];
/** Which CSV column (by header name) fills which library field. */
export type ColumnMapping = Partial<Record<CatalogueField, string>>;
type CatalogueReport = { imported: number; errors: { line: number; message: string }[] };
/** Text already decoded, or the file's bytes (UTF-8 or Windows-1252, detected). */
type CatalogueInput = {
  csv: string | Uint8Array;
  mapping: ColumnMapping;
  separator?: string | undefined;
};

const COLOUR_WORDS: Record<string, Colour> = {
  rouge: 'rouge',
  red: 'rouge',
  blanc: 'blanc',
  white: 'blanc',
  rose: 'rosé',
  rosé: 'rosé',
};

/** A catalogue read and checked, ready to write: bad rows are reported with their line, good ones kept. */
type PreparedCatalogue = { entries: LibraryInsert[]; report: CatalogueReport };

/** Reads and checks a supplier's CSV (no database): a malformed file fails with its line in French. */
export function prepareCatalogue(
  establishmentId: string,
  input: CatalogueInput,
  currentYear: number,
): PreparedCatalogue {
  const { header, rows } = parseSupplierCsv(input.csv, input.separator);
  const columns = new Map(header.map((h, i) => [foldText(h), i]));
  const index: Partial<Record<CatalogueField, number>> = {};
  for (const [field, column] of Object.entries(input.mapping) as [CatalogueField, string][]) {
    const i = columns.get(foldText(column));
    if (i === undefined)
      throw new AppError('validation_failed', `Colonne « ${column} » absente du fichier`, {
        fields: [{ field: `body.mapping.${field}`, message: `Colonne « ${column} » absente` }],
      });
    index[field] = i;
  }
  if (index.producer === undefined && index.cuvee === undefined && index.appellation === undefined) {
    throw new AppError(
      'validation_failed',
      'Associez au moins la colonne du producteur, de la cuvée ou de l’appellation',
    );
  }
  const errors: CatalogueReport['errors'] = [];
  const entries = new Map<string, LibraryInsert>();
  rows.forEach(({ cells, line }) => {
    const cell = (f: CatalogueField) => (index[f] === undefined ? '' : (cells[index[f]] ?? '').trim());
    const result = toIdentity(cell, currentYear);
    if (typeof result === 'string') return void errors.push({ line, message: result });
    const row = privateEntryRow(establishmentId, 'supplier', result);
    const previous = entries.get(row.id);
    if (previous) {
      row.vintages = [...new Set([...previous.vintages, ...row.vintages])].sort();
      row.formats_cl = [...new Set([...previous.formats_cl, ...row.formats_cl])].sort((a, b) => a - b);
    }
    entries.set(row.id, row);
  });
  return { entries: [...entries.values()], report: { imported: rows.length - errors.length, errors } };
}

/**
 * The catalogue job's three steps, each in the caller's transaction. Batches are staged (short transactions,
 * progress between them, other requests get their turn), then published into the library in one transaction:
 * a failure at any point leaves the library as it was, all of the catalogue or none of it.
 */
export async function discardStagedCatalogue(db: Db, taskId: string): Promise<void> {
  await clearStagedCatalogue(db, taskId);
}

export async function stageCatalogueBatch(db: Db, taskId: string, entries: LibraryInsert[]): Promise<void> {
  await stageCatalogueEntries(db, taskId, entries);
}

export async function publishCatalogue(db: Db, taskId: string): Promise<void> {
  await publishStagedCatalogue(db, taskId);
}

/** Writes prepared entries in the caller's transaction (upserts: running it twice is harmless). */
async function writeCatalogueEntries(db: Db, entries: LibraryInsert[]): Promise<void> {
  await upsertLibraryEntries(db, entries);
}

/**
 * The whole import in the caller's transaction (all rows or none), for the CLI: an operator's command, not a
 * member's request (members go through the supplier-catalogue job).
 */
export async function importCatalogueRows(
  db: Db,
  establishmentId: string,
  input: CatalogueInput,
  currentYear: number,
): Promise<CatalogueReport> {
  const { entries, report } = prepareCatalogue(establishmentId, input, currentYear);
  await writeCatalogueEntries(db, entries);
  return report;
}

function toIdentity(cell: (f: CatalogueField) => string, currentYear: number) {
  const producer = cell('producer') || null;
  const cuvee = cell('cuvee') || null;
  const appellation = cell('appellation') || null;
  if (!producer && !cuvee && !appellation) return 'ni producteur, ni cuvée, ni appellation';
  const colourText = foldText(cell('colour'));
  const colour = colourText ? (COLOUR_WORDS[colourText] ?? null) : null;
  if (colourText && !colour) return `couleur inconnue « ${cell('colour')} » (${COLOURS.join(', ')})`;
  const typeText = foldText(cell('type'));
  const type: DrinkType | undefined = typeText ? DRINK_TYPES.find((t) => t === typeText) : 'wine';
  if (!type) return `type inconnu « ${cell('type')} »`;
  const vintageText = cell('vintage');
  const vintage = vintageText ? Number(vintageText) : null;
  if (vintage !== null && (!Number.isInteger(vintage) || vintage < 1800 || vintage > currentYear + 1))
    return `millésime invalide « ${vintageText} »`;
  const formatText = cell('formatCl').replace(',', '.');
  const formatCl = formatText ? Number(formatText) : null;
  if (formatCl !== null && !(formatCl > 0 && formatCl <= 3000))
    return `format invalide « ${cell('formatCl')} » (en cl)`;
  return {
    type,
    colour,
    producer,
    cuvee,
    appellation,
    region: cell('region') || null,
    country: cell('country') || null,
    grapes: [],
    vintages: vintage ? [vintage] : [],
    formatsCl: formatCl ? [formatCl] : [],
  };
}
