import { describe, expect, it } from 'vitest';
import { readCents, readDateTime, readQuantity, readTime } from '../../../../src/tills/salesFile/values.ts';
import { detectSeparator } from '../../../../src/tills/salesFile/separator.ts';
import { detectEncodingOf } from '../../../../src/tills/salesFile/encoding.ts';
import { guessMapping } from '../../../../src/tills/salesFile/presets.ts';
import { productKey } from '../../../../src/tills/salesFile/productKey.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : r.reason);

describe('French numbers', () => {
  it.each([
    ['12,50', 1250],
    ['1 234,50', 123450],
    ['1\u202f234,50 €', 123450],
    ['1.234,50', 123450],
    ['1,234.50', 123450],
    ['12.5', 1250],
    ['-4,00', -400],
    ['(4,00)', -400],
    ['0,005', 1],
    ['EUR 7', 700],
    [12.5, 1250],
  ])('%s → %i cents', (input, cents) => expect(value(readCents(input))).toBe(cents));

  it.each([
    ['abc', 'nombre illisible « abc »'],
    ['1,2,3', 'nombre illisible « 1,2,3 »'],
    ['', 'vide'],
    ['12345678901', 'nombre hors limites « 12345678901 »'],
  ])('%s is refused: %s', (input, reason) => expect(value(readCents(input))).toBe(reason));

  it('quantities keep three decimals and refuse more', () => {
    expect(value(readQuantity('0,125'))).toBe(0.125);
    expect(value(readQuantity('-2'))).toBe(-2);
    expect(value(readQuantity('0,1255'))).toBe('quantité avec plus de 3 décimales (0.1255)');
  });
});

describe('French dates', () => {
  it.each([
    ['14/03/2026', { day: '2026-03-14', time: null }],
    ['14/03/26 21:14', { day: '2026-03-14', time: '21:14:00' }],
    ['14-03-2026 21:14:05', { day: '2026-03-14', time: '21:14:05' }],
    ['14.03.2026', { day: '2026-03-14', time: null }],
    ['2026-03-14T21:14:05', { day: '2026-03-14', time: '21:14:05' }],
    ['14 mars 2026', { day: '2026-03-14', time: null }],
    ['samedi 1er août 2026 à 21h05', { day: '2026-08-01', time: '21:05:00' }],
    ['14-févr.-26', { day: '2026-02-14', time: null }],
    [46095, { day: '2026-03-14', time: null }],
    [new Date(Date.UTC(2026, 2, 14, 21, 14)), { day: '2026-03-14', time: '21:14:00' }],
  ])('%s', (input, expected) => expect(value(readDateTime(input))).toEqual(expected));

  it.each([
    ['31/02/2026', 'date impossible « 31/02/2026 »'],
    ['hier', 'date illisible « hier »'],
    ['14/03/2026 25:00', 'heure illisible « 25:00 »'],
  ])('%s is refused', (input, reason) => expect(value(readDateTime(input))).toBe(reason));

  it('reads a separate time column, text or spreadsheet fraction', () => {
    expect(value(readTime('21h14'))).toBe('21:14:00');
    expect(value(readTime(0.5))).toBe('12:00:00');
  });
});

describe('file shape', () => {
  it('separator: the semicolon wins over decimal commas; commas and tabs are found too', () => {
    expect(
      detectSeparator('Date;Libellé;Qté;TTC\n12/11/2026;Verre, rouge;1;6,50\n12/11/2026;Bière;2;9,00'),
    ).toBe(';');
    expect(
      detectSeparator('date,label,qty,amount\n2026-11-12,"Verre; rouge",1,6.50\n2026-11-12,Beer,2,9.00'),
    ).toBe(',');
    expect(detectSeparator('a\tb\tc\n1\t2\t3')).toBe('\t');
  });

  it('encoding: UTF-8 when it decodes, Windows-1252 otherwise', () => {
    expect(detectEncodingOf(Buffer.from('Côtes du Rhône', 'utf8'))).toBe('utf-8');
    expect(detectEncodingOf(Buffer.from([0x43, 0xf4, 0x74, 0x65, 0x73]))).toBe('windows-1252');
  });

  it('guesses a mapping from French headers without mixing HT and TTC', () => {
    expect(
      guessMapping(['Date', 'N° ticket', 'Réf.', 'Désignation', 'Catégorie', 'Qté', 'Total HT', 'Total TTC']),
    ).toEqual({
      date: 'Date',
      ticket: 'N° ticket',
      productCode: 'Réf.',
      label: 'Désignation',
      family: 'Catégorie',
      quantity: 'Qté',
      amountExclTax: 'Total HT',
      amountInclTax: 'Total TTC',
    });
  });

  it('products without a code get a stable id from the folded label', () => {
    expect(productKey(null, 'Verre Côtes-du-Rhône  12,5cl')).toBe(
      productKey('', 'VERRE COTES DU RHONE 12.5CL'),
    );
    expect(productKey(' B12 ', 'x')).toBe('B12');
    expect(productKey(null, '  ')).toBeNull();
  });
});
