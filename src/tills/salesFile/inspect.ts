import { detectEncoding, type SalesFileEncoding } from './encoding.ts';
import type { SalesFileLimits } from './limits.ts';
import { findHeaderRow, headerNames } from './mapping.ts';
import { rowsOf } from './readSalesFile.ts';
import { detectFormat, readTextHead, SalesFileRefused, type SalesFileFormat } from './rows.ts';
import { detectSeparator, type Separator } from './separator.ts';
import { cellText, type Cell } from './values.ts';

export type SalesFileShape = {
  format: SalesFileFormat;
  encoding: SalesFileEncoding;
  separator: Separator;
  headers: string[];
  headerLine: number;
  /** The first data rows as text, cell by cell, as the file has them. */
  sample: string[][];
};

/** What kind of file this is and what its columns are called, reading only its start (plus one encoding pass). */
export async function inspectSalesFile(
  path: string,
  limits: SalesFileLimits,
  overrides: { encoding?: SalesFileEncoding | undefined; separator?: Separator | undefined } = {},
): Promise<SalesFileShape> {
  const format = await detectFormat(path);
  const encoding = format === 'xlsx' ? 'utf-8' : (overrides.encoding ?? (await detectEncoding(path)));
  const separator =
    format === 'xlsx' ? ';' : (overrides.separator ?? detectSeparator(await readTextHead(path, encoding)));
  const rows: { lineNo: number; cells: Cell[] }[] = [];
  for await (const row of rowsOf(path, { format, encoding, separator, limits })) {
    if ('cells' in row) rows.push(row);
    if (rows.length >= 40) break;
  }
  const at = findHeaderRow(rows.slice(0, 30).map((r) => r.cells));
  if (at < 0 || rows.length === 0) {
    throw new SalesFileRefused(
      'Ce fichier ne ressemble pas à un export de ventes : aucune ligne d’en-tête avec des noms de colonnes.',
    );
  }
  const header = rows[at]?.cells ?? [];
  return {
    format,
    encoding,
    separator,
    headers: headerNames(header),
    headerLine: rows[at]?.lineNo ?? 1,
    sample: rows.slice(at + 1, at + 9).map((r) => r.cells.map(cellText)),
  };
}
