import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../domain/errors.ts';
import {
  decodeWindows1252,
  detectEncodingOf,
  type SalesFileEncoding,
} from '../../tills/salesFile/encoding.ts';

type SupplierCsv = {
  encoding: SalesFileEncoding;
  separator: string;
  header: string[];
  /** Each data row with the file line it starts on (a quoted cell may span lines). */
  rows: { line: number; cells: string[] }[];
};

/** UTF-8 when the bytes decode as such (BOM or not), else Windows-1252: what French Excel saves as "CSV (;)". */
function decodeSupplierFile(bytes: Uint8Array): { text: string; encoding: SalesFileEncoding } {
  const encoding = detectEncodingOf(bytes);
  if (encoding === 'utf-8') return { text: new TextDecoder('utf-8').decode(bytes), encoding };
  return { text: decodeWindows1252(bytes), encoding };
}

/** The separator that splits the header line most: French Excel writes ';', others ',' or a tab. */
function guessSeparator(text: string): string {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return [';', ',', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0] ?? ',';
}

/**
 * A supplier's CSV through csv-parse. A malformed file fails with its line in French: a quote opened and never
 * closed names the line it opened on, instead of swallowing the rest of the file into one cell.
 */
export function parseSupplierCsv(input: string | Uint8Array, separator?: string): SupplierCsv {
  const { text, encoding } =
    typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeSupplierFile(input);
  const sep = separator ?? guessSeparator(text);
  // Each record's end, in bytes: lines are counted on the text itself, since csv-parse's own count takes a
  // CRLF inside a quoted cell for two lines.
  const ends: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: sep,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { bytes: number }) => {
        ends.push(context.bytes);
        return record;
      },
    });
  } catch (error) {
    if (error instanceof CsvError) throw csvFailure(error, text, ends.at(-1) ?? 0);
    throw error;
  }
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === ''))
    throw new AppError('validation_failed', 'Fichier vide');
  const lineAt = lineCounter(Buffer.from(text));
  const rows = body.map((cells, i) => ({ line: lineAt(ends[i] ?? 0), cells }));
  return { encoding, separator: sep, header, rows };
}

/** The line a record starting at byte offset `at` begins on (blank lines before it skipped); offsets only grow. */
function lineCounter(bytes: Buffer): (at: number) => number {
  let pos = 0;
  let line = 1;
  return (at) => {
    let start = at;
    while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start++;
    // A line ends at LF, CRLF, or a lone CR (old Mac files, which csv-parse also reads).
    for (; pos < start; pos++)
      if (bytes[pos] === 0x0a || (bytes[pos] === 0x0d && bytes[pos + 1] !== 0x0a)) line++;
    return line;
  };
}

function csvFailure(error: CsvError, text: string, lastEnd: number): AppError {
  // The unfinished record starts right after the last complete one.
  const line = lineCounter(Buffer.from(text))(lastEnd);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return lineError(line, 'un guillemet ouvert n’est jamais fermé');
  return lineError(line, 'ligne CSV illisible');
}

function lineError(line: number, what: string): AppError {
  const message = `Ligne ${line} : ${what}`;
  return new AppError('validation_failed', message, { fields: [{ field: 'body.csv', message }] });
}
