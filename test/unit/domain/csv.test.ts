import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../../../src/domain/csv.ts';
import { foldText } from '../../../src/domain/text.ts';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, separators inside quotes and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","il a dit ""oui"""\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'il a dit "oui"'],
    ]);
  });
  it('keys records by header and tolerates a BOM and short rows', () => {
    expect(parseCsvRecords('\uFEFFid;name\n1;Margaux\n2', ';')).toEqual([
      { id: '1', name: 'Margaux' },
      { id: '2', name: '' },
    ]);
  });
});

describe('foldText', () => {
  it('removes accents, case and punctuation', () => {
    expect(foldText("Côtes-du-Rhône  L'Étoile")).toBe('cotes du rhone l etoile');
  });
});
