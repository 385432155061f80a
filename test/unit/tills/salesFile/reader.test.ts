import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  SALES_FILE_LIMITS as SHIPPED,
  type SalesFileLimits,
} from '../../../../src/tills/salesFile/limits.ts';

const SALES_FILE_LIMITS: SalesFileLimits = SHIPPED;
import { inspectSalesFile } from '../../../../src/tills/salesFile/inspect.ts';
import {
  readSalesFile,
  type FileSaleLine,
  type LineIssue,
  type ReadContext,
} from '../../../../src/tills/salesFile/readSalesFile.ts';
import { SalesFileRefused } from '../../../../src/tills/salesFile/rows.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellier-salesfile-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (bytes: Buffer | string) => {
  const file = path.join(dir, `f${n++}`);
  fs.writeFileSync(file, bytes);
  return file;
};

const mapping = { date: 'Date', label: 'Libellé', quantity: 'Quantité', amountInclTax: 'Montant TTC' };
const ctxFor = async (file: string, limits = SALES_FILE_LIMITS): Promise<ReadContext> => {
  const shape = await inspectSalesFile(file, limits);
  return { ...shape, mapping, timeZone: 'Europe/Paris', dayCutoffHour: 4, limits };
};
const readAll = async (file: string, limits = SALES_FILE_LIMITS) => {
  const lines: FileSaleLine[] = [];
  const bad: LineIssue[] = [];
  const summary = await readSalesFile(file, await ctxFor(file, limits), {
    line: (l) => lines.push(l),
    bad: (b) => bad.push(b),
    warning: () => undefined,
  });
  return { lines, bad, summary };
};

async function xlsx(rows: (string | number | Date | null)[][]): Promise<string> {
  const file = path.join(dir, `x${n++}.xlsx`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ventes');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('reading a sales file', () => {
  it('reads an XLSX: date cells, numbers, a night past midnight on the previous business day', async () => {
    const file = await xlsx([
      ['Ventes du 14/03/2026'],
      ['Date', 'Libellé', 'Quantité', 'Montant TTC'],
      [new Date(Date.UTC(2026, 2, 14, 21, 14)), 'Verre Chinon', 2, 13],
      [new Date(Date.UTC(2026, 2, 15, 1, 30)), 'Verre Chinon', 1, 6.5],
    ]);
    const { lines, bad, summary } = await readAll(file);
    expect(bad).toEqual([]);
    expect(summary.headers).toEqual(['Date', 'Libellé', 'Quantité', 'Montant TTC']);
    expect(lines.map((l) => [l.businessDay, l.soldAt.toISOString(), l.quantity, l.amountCents])).toEqual([
      ['2026-03-14', '2026-03-14T20:14:00.000Z', 2, 1300],
      ['2026-03-14', '2026-03-15T00:30:00.000Z', 1, 650],
    ]);
    expect(new Set(lines.map((l) => l.lineId)).size).toBe(2);
  });

  it('reads a Windows-1252 CSV from French Excel with €, œ, curly quotes and dashes right', async () => {
    const text = 'Date;Libellé;Quantité;Montant TTC\r\n14/03/2026 21:14;Cœur de Bœuf — l’Œil 12€;2;13,00\r\n';
    const bytes = Buffer.from(
      Array.from(
        text,
        (ch) => ({ '€': 0x80, '’': 0x92, '—': 0x97, œ: 0x9c, Œ: 0x8c })[ch] ?? ch.charCodeAt(0),
      ),
    );
    const { lines, bad, summary } = await readAll(write(bytes));
    expect(bad).toEqual([]);
    expect(summary.headers).toEqual(['Date', 'Libellé', 'Quantité', 'Montant TTC']);
    expect(lines.map((l) => l.label)).toEqual(['Cœur de Bœuf — l’Œil 12€']);
  });

  it('refuses an XLSX whose uncompressed size is past the limit before inflating it (zip bomb)', async () => {
    const rows = [
      ['Date', 'Libellé', 'Quantité', 'Montant TTC'],
      ...Array.from({ length: 2000 }, () => ['14/03/2026', 'x'.repeat(50), 1, 1]),
    ];
    const file = await xlsx(rows);
    await expect(readAll(file, { ...SALES_FILE_LIMITS, maxXlsxUncompressedBytes: 50_000 })).rejects.toThrow(
      /décompressé est démesuré/,
    );
  });

  it('stops reading at the row limit (a million-row sheet never finishes parsing)', async () => {
    const rows = [
      ['Date', 'Libellé', 'Quantité', 'Montant TTC'],
      ...Array.from({ length: 300 }, () => ['14/03/2026', 'Bière', 1, 1]),
    ];
    await expect(readAll(await xlsx(rows), { ...SALES_FILE_LIMITS, maxRows: 100 })).rejects.toThrow(
      /dépasse 100 lignes/,
    );
    const csv = `Date;Libellé;Quantité;Montant TTC\n${'14/03/2026;Bière;1;1\n'.repeat(300)}`;
    await expect(readAll(write(csv), { ...SALES_FILE_LIMITS, maxRows: 100 })).rejects.toThrow(
      /dépasse 100 lignes/,
    );
  });

  it('a broken quote costs one line, reported with its number; reading goes on', async () => {
    const csv = 'Date;Libellé;Quantité;Montant TTC\n14/03/2026;"Chinon;1;6,50\n14/03/2026;Bière;1;4,50\n';
    const { lines, bad } = await readAll(write(csv));
    expect(bad.length + lines.length).toBeGreaterThanOrEqual(1);
    for (const b of bad) expect(b.lineNo).toBeGreaterThan(0);
  });

  it('refuses a binary or an old XLS file with a clear message', async () => {
    await expect(
      inspectSalesFile(write(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])), SALES_FILE_LIMITS),
    ).rejects.toThrow(/\.xls/);
    await expect(inspectSalesFile(write(Buffer.from([1, 0, 2, 0])), SALES_FILE_LIMITS)).rejects.toThrow(
      /pas un export de ventes/,
    );
  });
});

describe('fuzzing the reader', () => {
  const frNumber = (cents: number, style: 'comma' | 'dot' | 'grouped') => {
    const s = (cents / 100).toFixed(2);
    if (style === 'dot') return s;
    const [i = '0', f = '00'] = s.replace('-', '').split('.');
    const grouped = style === 'grouped' ? i.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : i;
    return `${cents < 0 ? '-' : ''}${grouped},${f}`;
  };
  const sale = fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    label: fc.stringMatching(/^[A-Za-zéèàôç][A-Za-z0-9éèàôç '.-]{0,30}$/),
    quantity: fc.integer({ min: -5, max: 50 }),
    cents: fc.integer({ min: -100_000, max: 10_000_000 }),
  });

  it('any well-formed export reads back exactly, whatever its separator, encoding and number style', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sale, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(';', ',', '\t'),
        fc.constantFrom<'comma' | 'dot' | 'grouped'>('comma', 'dot', 'grouped'),
        fc.boolean(),
        async (sales, sep, style, latin1) => {
          const quote = (s: string) =>
            s.includes(sep) || /[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
          const text = [
            ['Date', 'Libellé', 'Quantité', 'Montant TTC'].join(sep),
            ...sales.map((s) =>
              [
                `${String(s.day).padStart(2, '0')}/11/2026 ${String(s.hour).padStart(2, '0')}:30`,
                quote(s.label),
                String(s.quantity),
                quote(frNumber(s.cents, style)),
              ].join(sep),
            ),
          ].join('\r\n');
          const bytes = latin1 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
          const { lines, bad } = await readAll(write(bytes));
          const usable = sales.filter(
            (s) => s.label.trim() !== '' && !/^(sous[- ]?)?total\b/i.test(s.label.trim()),
          );
          expect(lines.map((l) => [l.quantity, l.amountCents])).toEqual(
            usable.map((s) => [s.quantity, s.cents]),
          );
          expect(lines.length + bad.length).toBe(sales.length);
          for (const [i, l] of lines.entries()) {
            const s = usable[i];
            const day = `2026-11-${String(s?.day).padStart(2, '0')}`;
            expect(l.businessDay <= day).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('random bytes end as lines, bad lines or a French refusal, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 600 }).map((a) => Buffer.from(a)),
          fc
            .array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), { maxLength: 20 })
            .map((rows) =>
              Buffer.from(
                [
                  ['Date', 'Libellé', 'Quantité', 'Montant TTC'].join(';'),
                  ...rows.map((r) => r.join(';')),
                ].join('\n'),
              ),
            ),
        ),
        async (bytes) => {
          try {
            const { lines, bad, summary } = await readAll(write(bytes));
            expect(lines.length + bad.length).toBeLessThanOrEqual(summary.rows);
          } catch (error) {
            expect(error).toBeInstanceOf(SalesFileRefused);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
