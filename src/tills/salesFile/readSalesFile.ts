import { addDays } from '../../domain/businessDay.ts';
import { zonedToUtc } from '../../domain/zonedTime.ts';
import type { SalesFileEncoding } from './encoding.ts';
import type { SalesFileLimits } from './limits.ts';
import {
  findHeaderRow,
  headerNames,
  resolveColumns,
  type ColumnMapping,
  type SalesFileField,
} from './mapping.ts';
import { productKey } from './productKey.ts';
import { csvRows, SalesFileRefused, xlsxRows, type RawRow, type SalesFileFormat } from './rows.ts';
import type { Separator } from './separator.ts';
import { cellText, clip, readCents, readDateTime, readQuantity, readTime, type Cell } from './values.ts';

/** One sale line read from a file, keyed so that the same file always gives the same ids. */
export type FileSaleLine = {
  lineNo: number;
  businessDay: string;
  ticketId: string;
  lineId: string;
  soldAt: Date;
  productKey: string;
  productCode: string | null;
  label: string;
  family: string | null;
  quantity: number;
  amountCents: number;
  amountExclTaxCents: number | null;
};

export type LineIssue = { lineNo: number; reason: string; raw: string[] };

export type ReadContext = {
  format: SalesFileFormat;
  encoding: SalesFileEncoding;
  separator: Separator;
  mapping: ColumnMapping;
  /** Business day for every line when the file has no date column (a one-day export). */
  day?: string | undefined;
  timeZone: string;
  dayCutoffHour: number;
  limits: SalesFileLimits;
};

type ReadSink = {
  line: (line: FileSaleLine) => void;
  /** A line that cannot be imported: its number and why. It is never dropped silently. */
  bad: (issue: LineIssue) => void;
  /** A line imported but not trusted blindly (amounts that do not add up). */
  warning: (issue: LineIssue) => void;
};

type ReadSummary = { headers: string[]; headerLine: number; rows: number };

/** Up to how many rows a header may sit below title lines. */
const HEADER_SEARCH_ROWS = 30;

export function rowsOf(path: string, ctx: Pick<ReadContext, 'format' | 'encoding' | 'separator' | 'limits'>) {
  return ctx.format === 'xlsx'
    ? xlsxRows(path, ctx.limits)
    : csvRows(path, { encoding: ctx.encoding, separator: ctx.separator }, ctx.limits);
}

/**
 * Streams a sales file through its column mapping: every data row ends as a line, a bad line (with its reason),
 * or a total row reported as skipped. Throws `SalesFileRefused` when the file cannot be a sales export.
 */
export async function readSalesFile(path: string, ctx: ReadContext, sink: ReadSink): Promise<ReadSummary> {
  const head: RawRow[] = [];
  const rows = rowsOf(path, ctx);
  let headerAt = -1;
  let columns: Partial<Record<SalesFileField, number>> = {};
  let headers: string[] = [];
  let count = 0;
  const occurrences = new Map<string, number>();

  const handle = (row: RawRow) => {
    count++;
    if ('error' in row) return sink.bad({ lineNo: row.lineNo, reason: row.error, raw: [] });
    const result = readLine(row.lineNo, row.cells, columns, ctx, occurrences);
    if ('bad' in result) sink.bad({ lineNo: row.lineNo, reason: result.bad, raw: rawText(row.cells) });
    else {
      sink.line(result.line);
      for (const w of result.warnings)
        sink.warning({ lineNo: row.lineNo, reason: w, raw: rawText(row.cells) });
    }
  };

  for await (const row of rows) {
    if (headerAt < 0) {
      head.push(row);
      if (head.length < HEADER_SEARCH_ROWS) continue;
      ({ headerAt, columns, headers } = locateHeader(head, ctx.mapping));
      for (const r of head.slice(headerAt + 1)) handle(r);
      continue;
    }
    handle(row);
  }
  if (headerAt < 0) {
    ({ headerAt, columns, headers } = locateHeader(head, ctx.mapping));
    for (const r of head.slice(headerAt + 1)) handle(r);
  }
  const headerRow = head[headerAt];
  return { headers, headerLine: headerRow?.lineNo ?? 0, rows: count };
}

function locateHeader(head: RawRow[], mapping: ColumnMapping) {
  const cells = head.map((r) => ('cells' in r ? r.cells : []));
  const at = findHeaderRow(cells, mapping);
  if (at < 0) {
    throw new SalesFileRefused(
      'Ce fichier ne ressemble pas à un export de ventes : aucune ligne d’en-tête ne contient les colonnes choisies.',
    );
  }
  const headerRow = cells[at] ?? [];
  const { columns, unknown } = resolveColumns(headerRow, mapping);
  if (unknown.length > 0) {
    throw new SalesFileRefused(`Colonnes absentes du fichier : ${unknown.join(', ')}.`);
  }
  return { headerAt: at, columns, headers: headerNames(headerRow) };
}

const rawText = (cells: Cell[]) => cells.map((c) => clip(cellText(c), 120));

const TOTAL = /^(sous[- ]?)?total\b/i;

type LineResult = { line: FileSaleLine; warnings: string[] } | { bad: string };

function readLine(
  lineNo: number,
  cells: Cell[],
  columns: Partial<Record<SalesFileField, number>>,
  ctx: ReadContext,
  occurrences: Map<string, number>,
): LineResult {
  const get = (f: SalesFileField): Cell => {
    const i = columns[f];
    return i === undefined ? null : (cells[i] ?? null);
  };
  const text = (f: SalesFileField) => {
    const c = get(f);
    return c === null ? null : cellText(c);
  };
  const label = text('label') ?? '';
  const code = text('productCode');
  const firstText = cells.find((c) => c !== null);
  if (TOTAL.test(label) || (typeof firstText === 'string' && TOTAL.test(firstText.trim()))) {
    return { bad: 'ligne de total (ignorée)' };
  }
  const key = productKey(code, label);
  if (!key) return { bad: 'ni code article ni libellé' };
  const qty = readQuantity(get('quantity'));
  if (!qty.ok) return { bad: `quantité : ${qty.reason}` };
  const amount = readCents(get('amountInclTax'));
  if (!amount.ok) return { bad: `montant TTC : ${amount.reason}` };
  let excl: number | null = null;
  if (columns.amountExclTax !== undefined && get('amountExclTax') !== null) {
    const r = readCents(get('amountExclTax'));
    if (!r.ok) return { bad: `montant HT : ${r.reason}` };
    excl = r.value;
  }

  let localDay: string;
  let time: string | null = null;
  if (columns.date !== undefined) {
    const d = readDateTime(get('date'));
    if (!d.ok) return { bad: `date : ${d.reason}` };
    localDay = d.value.day;
    time = d.value.time;
  } else if (ctx.day) localDay = ctx.day;
  else return { bad: 'date : aucune colonne de date' };
  if (columns.time !== undefined) {
    const t = readTime(get('time'));
    if (!t.ok) return { bad: `heure : ${t.reason}` };
    time = t.value ?? time;
  }
  // A time before the cutoff belongs to the previous business day (a night past midnight); a date alone is the day.
  const businessDay =
    time !== null && Number(time.slice(0, 2)) < ctx.dayCutoffHour ? addDays(localDay, -1) : localDay;
  const soldAt = zonedToUtc(localDay, time ?? '12:00:00', ctx.timeZone);

  const ticket = text('ticket');
  const ticketId = ticket ? clip(ticket, 64).replace(/…$/, '') : `fichier-${businessDay}`;
  const occurrenceKey = `${businessDay}\u0000${ticketId}\u0000${key}\u0000${ticket ? '' : (time ?? '')}`;
  const n = (occurrences.get(occurrenceKey) ?? 0) + 1;
  occurrences.set(occurrenceKey, n);
  const lineId = `${key}${ticket || time === null ? '' : `@${time}`}#${n}`;

  const warnings: string[] = [];
  if (columns.unitPrice !== undefined && get('unitPrice') !== null) {
    const unit = readCents(get('unitPrice'));
    if (!unit.ok) warnings.push(`prix unitaire : ${unit.reason}`);
    else {
      const expected = Math.round(qty.value * unit.value);
      const tolerance = Math.max(1, Math.ceil(Math.abs(qty.value)));
      if (Math.abs(expected - amount.value) > tolerance) {
        warnings.push(
          `montant incohérent : ${qty.value} × ${euros(unit.value)} = ${euros(expected)}, le fichier dit ${euros(amount.value)}`,
        );
      }
    }
  }
  if (excl !== null && Math.abs(excl) > Math.abs(amount.value)) {
    warnings.push(`montant HT (${euros(excl)}) supérieur au TTC (${euros(amount.value)})`);
  }
  if (qty.value !== 0 && amount.value !== 0 && Math.sign(qty.value) !== Math.sign(amount.value)) {
    warnings.push('quantité et montant de signes opposés');
  }
  return {
    line: {
      lineNo,
      businessDay,
      ticketId,
      lineId: lineId.slice(0, 250),
      soldAt,
      productKey: key,
      productCode: code,
      label: clip(label || (code ?? ''), 200).replace(/…$/, ''),
      family: text('family'),
      quantity: qty.value,
      amountCents: amount.value,
      amountExclTaxCents: excl,
    },
    warnings,
  };
}

const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;
