import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors.ts';
import { parseSupplierCsv } from '../../../src/services/library/supplierCsv.ts';

const failure = (input: string | Uint8Array): AppError => {
  try {
    parseSupplierCsv(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('parsed without error');
};

/** Windows-1252 bytes of a Latin-1 text (the two agree on every character used here). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('supplier CSV (csv-parse)', () => {
  it('reads French Excel: semicolons, CRLF, quoted cells with separators, doubled quotes and line breaks', () => {
    const csv =
      'Domaine;Cuvée;Millésime\r\n"Dupont; père et fils";"La ""Réserve""";2020\r\n"Martin";"Sur\r\nplusieurs";2019\r\n\r\nDurand;Clos;2018\r\n';
    const parsed = parseSupplierCsv(csv);
    expect(parsed.separator).toBe(';');
    expect(parsed.header).toEqual(['Domaine', 'Cuvée', 'Millésime']);
    expect(parsed.rows).toEqual([
      { line: 2, cells: ['Dupont; père et fils', 'La "Réserve"', '2020'] },
      { line: 3, cells: ['Martin', 'Sur\r\nplusieurs', '2019'] },
      { line: 6, cells: ['Durand', 'Clos', '2018'] },
    ]);
  });

  it('reports the line where a quote opens and is never closed, instead of swallowing the rest', () => {
    const error = failure('Domaine;Cuvée\nA;Un\n"B;Deux\nC;Trois\nD;Quatre\n');
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Ligne 3 : un guillemet ouvert n’est jamais fermé');
    expect(failure('Domaine;Cuvée\r\nA;Un\r\n\r\nB;"Deux\r\nC;Trois\r\n').message).toMatch(/^Ligne 4 /);
  });

  it('reads a Windows-1252 file from French Excel right, and a UTF-8 one with its BOM', () => {
    const text = 'Domaine;Cuvée;Appellation\nChâteau Léoville;Réserve;Côtes-du-Rhône\n';
    const latin = parseSupplierCsv(cp1252(text));
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.header[1]).toBe('Cuvée');
    expect(latin.rows[0]?.cells).toEqual(['Château Léoville', 'Réserve', 'Côtes-du-Rhône']);
    // 0x9C is "œ" in Windows-1252, a byte Latin-1 would not read.
    const oeuf = parseSupplierCsv(Uint8Array.from([...cp1252('Domaine\nC'), 0x9c, ...cp1252('ur\n')]));
    expect(oeuf.rows[0]?.cells).toEqual(['Cœur']);
    const utf8 = parseSupplierCsv(new TextEncoder().encode(`\uFEFF${text}`));
    expect(utf8.encoding).toBe('utf-8');
    expect(utf8.header[0]).toBe('Domaine');
    expect(utf8.rows[0]?.cells[0]).toBe('Château Léoville');
  });

  it('says the file is empty', () => {
    expect(failure('').message).toBe('Fichier vide');
    expect(failure('\n\n').message).toBe('Fichier vide');
  });

  it('never crashes on any text: it parses, or fails with a French message naming a line', () => {
    const alphabet = fc.constantFrom(
      'a',
      'é',
      ';',
      ',',
      '"',
      '\n',
      '\r',
      '\t',
      ' ',
      '\uFEFF',
      '\u0000',
      '😀',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), (chars) => {
        const text = chars.join('');
        try {
          const parsed = parseSupplierCsv(text);
          for (const row of parsed.rows) expect(row.line).toBeGreaterThanOrEqual(2);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).message).toMatch(/^(Fichier vide|Ligne \d+ : .+)$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never crashes on any bytes either', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          parseSupplierCsv(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
