import { describe, expect, it } from 'vitest';
import { CsvSplitter, type CsvRecord } from '../../../../src/tills/salesFile/csvSplit.ts';

function split(text: string, pieces: number[] = [], sep = ';', max = 8000): CsvRecord[] {
  const s = new CsvSplitter(sep, max);
  const out: CsvRecord[] = [];
  let at = 0;
  for (const p of [...pieces, text.length]) {
    s.push(text.slice(at, p), out);
    at = p;
  }
  s.end(out);
  return out;
}

const TEXT =
  '\uFEFFExport des ventes\r\n' +
  'Date;Libellé;Quantité;Montant TTC\r\n' +
  '14/03/2026;"Vin ""nature""; Loire";2;"13,00"\r\n' +
  '\r\n' +
  '14/03/2026;"Planche\r\nmixte";1;19,00\r\n' +
  '15/03/2026;Pizza 30cm "maison";1;;\n' +
  '15/03/2026;Bière;1;4,50';

describe('CsvSplitter', () => {
  it('reads quotes, doubled quotes, separators and line breaks inside quotes, a BOM, empty lines, line numbers', () => {
    expect(split(TEXT)).toEqual([
      { lineNo: 1, cells: ['Export des ventes'] },
      { lineNo: 2, cells: ['Date', 'Libellé', 'Quantité', 'Montant TTC'] },
      { lineNo: 3, cells: ['14/03/2026', 'Vin "nature"; Loire', '2', '13,00'] },
      { lineNo: 6, cells: ['14/03/2026', 'Planche\r\nmixte', '1', '19,00'] },
      { lineNo: 7, cells: ['15/03/2026', 'Pizza 30cm "maison"', '1', '', ''] },
      { lineNo: 8, cells: ['15/03/2026', 'Bière', '1', '4,50'] },
    ]);
  });

  it('gives the same records whatever the chunks (every cut point, and one character at a time)', () => {
    const whole = split(TEXT);
    for (let cut = 0; cut <= TEXT.length; cut++) expect(split(TEXT, [cut])).toEqual(whole);
    expect(
      split(
        TEXT,
        Array.from({ length: TEXT.length }, (_, i) => i),
      ),
    ).toEqual(whole);
  });

  it('a misplaced quote costs its record, reported on its line; the next line is read', () => {
    expect(split('a;"b"c;d\ne;f\n')).toEqual([
      { lineNo: 1, error: 'misplaced-quote' },
      { lineNo: 2, cells: ['e', 'f'] },
    ]);
  });

  it('an unclosed quote is reported; a record past the size limit too, and reading goes on', () => {
    expect(split('a;b\nc;"d\ne;f\n')).toEqual([
      { lineNo: 1, cells: ['a', 'b'] },
      { lineNo: 4, error: 'quote-not-closed' },
    ]);
    expect(split(`a;${'x'.repeat(50)}\nc;d\n`, [], ';', 20)).toEqual([
      { lineNo: 1, error: 'too-long' },
      { lineNo: 2, cells: ['c', 'd'] },
    ]);
  });

  it('splits on the separator given: comma, tab, pipe', () => {
    expect(split('a,"b,c",d', [], ',')).toEqual([{ lineNo: 1, cells: ['a', 'b,c', 'd'] }]);
    expect(split('a\t"b\tc"\td', [], '\t')).toEqual([{ lineNo: 1, cells: ['a', 'b\tc', 'd'] }]);
    expect(split('a|b||c\r', [], '|')).toEqual([{ lineNo: 1, cells: ['a', 'b', '', 'c'] }]);
  });
});
