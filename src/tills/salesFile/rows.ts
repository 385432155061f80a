import fs from 'node:fs';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { CsvSplitter, type CsvRecord } from './csvSplit.ts';
import { textDecoderFor, type SalesFileEncoding } from './encoding.ts';
import type { SalesFileLimits } from './limits.ts';
import type { Separator } from './separator.ts';
import type { Cell } from './values.ts';

/** One row of a sales file as read, before any meaning is given to its columns. */
export type RawRow = { lineNo: number; cells: Cell[] } | { lineNo: number; error: string };
export type SalesFileFormat = 'csv' | 'xlsx';

/** Why a file cannot be read at all; the message is French and shown as is. */
export class SalesFileRefused extends Error {
  override readonly name = 'SalesFileRefused';
}

/** Sniffs the container from the first bytes: XLSX is a zip; old binary XLS and other binaries are refused. */
export async function detectFormat(filePath: string): Promise<SalesFileFormat> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytesRead === 0) throw new SalesFileRefused('Le fichier est vide.');
    if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
    if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new SalesFileRefused(
        'Ancien format Excel (.xls) : enregistrez le fichier en XLSX ou en CSV, puis recommencez.',
      );
    }
    if (bytes.includes(0)) {
      throw new SalesFileRefused('Ce fichier n’est pas un export de ventes (ni CSV ni XLSX).');
    }
    return 'csv';
  } finally {
    await handle.close();
  }
}

/** Reads the text start of a CSV (for separator sniffing) without reading the file whole. */
export async function readTextHead(filePath: string, encoding: SalesFileEncoding, bytes = 64 * 1024) {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return textDecoderFor(encoding)
      .decode(buf.subarray(0, bytesRead))
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}

const tooMany = (limits: SalesFileLimits) =>
  new SalesFileRefused(
    `Le fichier dépasse ${limits.maxRows.toLocaleString('fr-FR')} lignes : découpez-le en plusieurs périodes.`,
  );

const CSV_REASONS = {
  'quote-not-closed': 'guillemet non fermé',
  'misplaced-quote': 'guillemet mal placé',
  'too-long': 'ligne trop longue',
} as const;

/** CSV rows, streamed: a record with broken quotes is reported on its line and reading goes on. */
export async function* csvRows(
  filePath: string,
  options: { encoding: SalesFileEncoding; separator: Separator },
  limits: SalesFileLimits,
): AsyncGenerator<RawRow> {
  const splitter = new CsvSplitter(options.separator, limits.maxCellChars * 4);
  const decoder = textDecoderFor(options.encoding);
  const source = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  const records: CsvRecord[] = [];
  let count = 0;
  const rows = function* (): Generator<RawRow> {
    for (const r of records) {
      if ('error' in r) {
        yield { lineNo: r.lineNo, error: `ligne illisible (${CSV_REASONS[r.error]})` };
        continue;
      }
      if (++count > limits.maxRows + 1) throw tooMany(limits);
      const cells: Cell[] = [];
      for (let i = 0; i < r.cells.length && i < limits.maxColumns; i++) {
        const c = r.cells[i] ?? '';
        const t = c.length > limits.maxCellChars ? c.slice(0, limits.maxCellChars) : c;
        cells.push(t.trim() === '' ? null : t);
      }
      yield { lineNo: r.lineNo, cells };
    }
    records.length = 0;
  };
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      splitter.push(decoder.decode(chunk, { stream: true }), records);
      yield* rows();
    }
    splitter.push(decoder.decode(), records);
    splitter.end(records);
    yield* rows();
  } finally {
    source.destroy();
  }
}

/**
 * Refuses a zip whose declared uncompressed sizes are too large before inflating anything (zip bomb), and
 * one that is not a workbook.
 */
async function checkXlsxContainer(filePath: string, limits: SalesFileLimits): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(filePath, { lazyEntries: true, autoClose: true }, (err, z) =>
      err || !z ? reject(new SalesFileRefused('Fichier XLSX illisible (archive abîmée).')) : resolve(z),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    let total = 0;
    let entries = 0;
    let workbook = false;
    const fail = (message: string) => {
      zip.close();
      reject(new SalesFileRefused(message));
    };
    zip.on('entry', (entry: yauzl.Entry) => {
      entries++;
      total += entry.uncompressedSize;
      if (entry.fileName === 'xl/workbook.xml') workbook = true;
      if (entries > limits.maxXlsxEntries || total > limits.maxXlsxUncompressedBytes) {
        fail('Fichier XLSX refusé : son contenu décompressé est démesuré (archive piégée ?).');
        return;
      }
      zip.readEntry();
    });
    zip.on('end', () =>
      workbook ? resolve() : reject(new SalesFileRefused('Ce fichier ZIP n’est pas un classeur XLSX.')),
    );
    zip.on('error', () => reject(new SalesFileRefused('Fichier XLSX illisible (archive abîmée).')));
    zip.readEntry();
  });
}

type ExcelValue = ExcelJS.CellValue;

function excelCell(value: ExcelValue, limits: SalesFileLimits): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'string') {
    const t = value.length > limits.maxCellChars ? value.slice(0, limits.maxCellChars) : value;
    return t.trim() === '' ? null : t;
  }
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (typeof value === 'object') {
    if ('richText' in value) return excelCell(value.richText.map((r) => r.text).join(''), limits);
    if ('result' in value) return excelCell(value.result ?? null, limits);
    if ('text' in value) return excelCell(String(value.text), limits);
    if ('error' in value) return null;
  }
  return null;
}

/** The first worksheet's rows, streamed; reading stops at the row limit, so a million rows never finish parsing. */
export async function* xlsxRows(filePath: string, limits: SalesFileLimits): AsyncGenerator<RawRow> {
  await checkXlsxContainer(filePath, limits);
  const source = fs.createReadStream(filePath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let count = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (++count > limits.maxRows + 1) throw tooMany(limits);
        const values = (row.values as ExcelValue[]).slice(1, limits.maxColumns + 1);
        const cells = Array.from({ length: values.length }, (_, i) => excelCell(values[i], limits));
        if (cells.every((c) => c === null)) continue;
        yield { lineNo: row.number, cells };
      }
      break; // The first sheet is the export; others are summaries.
    }
  } catch (error) {
    if (error instanceof SalesFileRefused) throw error;
    throw new SalesFileRefused('Fichier XLSX illisible : enregistrez-le à nouveau depuis le tableur.');
  } finally {
    source.destroy();
  }
}
