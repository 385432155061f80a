import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { VarianceReport } from '../counts/varianceReport.ts';
import type { Table } from './tables.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/**
 * A text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return before one)
 * gets a leading apostrophe, so that a drink or till product named `=HYPERLINK(…)` stays text (formula injection).
 * Numbers stay numbers.
 */
function neutraliseFormula<T extends string | number | null>(value: T): T {
  return (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value) as T;
}

const safeRow = (row: Record<string, string | number | null>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, neutraliseFormula(v)]));

/** Every table of a report as one workbook, one sheet per table (exceljs). */
export async function toXlsx(tables: readonly Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Cellier';
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    ws.columns = t.columns.map((c) => ({
      header: neutraliseFormula(c.header),
      key: c.key,
      width: c.width ?? 14,
    }));
    for (const c of t.columns) if (c.kind === 'euros') ws.getColumn(c.key).numFmt = '#,##0.00 "€"';
    ws.getRow(1).font = { bold: true };
    for (const r of t.rows) ws.addRow(safeRow(r));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One table as CSV for a French spreadsheet: semicolons, decimal commas, a BOM so accents survive. */
export function toCsv(table: Table): Buffer {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    const s = typeof v === 'number' ? String(v).replace('.', ',') : neutraliseFormula(v);
    return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [
    table.columns.map((c) => cell(c.header)).join(';'),
    ...table.rows.map((r) => table.columns.map((c) => cell(r[c.key] ?? null)).join(';')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const euros = (cents: number | null) =>
  cents === null ? '—' : (cents / 100).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });
const qty = (q: number | null) =>
  q === null ? '—' : q.toLocaleString('fr-FR', { maximumFractionDigits: 3 });

/** The variance report for the accountant: totals, then every counted drink with its gap and reason (pdfkit). */
export function variancePdf(report: VarianceReport, establishmentName: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `Écarts ${report.session.name}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(16).text(`Écarts d'inventaire · ${establishmentName}`);
  doc
    .fontSize(10)
    .text(
      `${report.session.name} · arrêté au ${report.session.cutoffAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}`,
    )
    .moveDown();
  doc.text(`Écart total au coût : ${euros(report.totals.differenceCostCents)}`);
  doc.text(`Écart total au prix caisse : ${euros(report.totals.differenceSaleCents)}`);
  doc.text(`Boissons comptées : ${report.totals.drinks}`).moveDown();
  const cols = [
    { w: 205, h: 'Boisson' },
    { w: 45, h: 'Attendu' },
    { w: 45, h: 'Compté' },
    { w: 45, h: 'Écart' },
    { w: 70, h: 'Au coût' },
    { w: 105, h: 'Motif' },
  ];
  const row = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = 40;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    let height = 0;
    cells.forEach((c, i) => {
      const w = cols[i]?.w ?? 50;
      doc.text(c, x, y, { width: w - 4 });
      height = Math.max(height, doc.heightOfString(c, { width: w - 4 }));
      x += w;
    });
    doc.x = 40;
    doc.y = y + height + 3;
    if (doc.y > 780) doc.addPage();
  };
  row(
    cols.map((c) => c.h),
    true,
  );
  for (const r of report.rows.filter((x) => x.counted !== null))
    row([
      r.name,
      qty(r.expected),
      qty(r.counted),
      qty(r.difference),
      euros(r.differenceCostCents),
      r.reason
        ? `${r.reason.label}${r.reason.comment ? ` : ${r.reason.comment}` : ''}`
        : r.reasonRequired
          ? 'À justifier'
          : '',
    ]);
  doc.end();
  return done;
}
