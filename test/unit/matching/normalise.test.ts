import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../src/matching/index.ts';

describe('normalise', () => {
  it.each([
    ['Château Mouton-Rothschild', 'chateau mouton rothschild'],
    ["CÔTES D'AUXERRE", 'cotes d auxerre'],
    ['Bœuf  &  Cœur', 'boeuf coeur'],
    ['  ', ''],
    ['Kronenbourg 1664 Blanc 0,0%', 'kronenbourg 1664 blanc 00'], // alcohol-free, written 00 on tills
    ['Bière 0.0 %', 'biere 00'],
    ['10,0', '10 0'],
  ])('%s → %s', (input, out) => {
    expect(normalise(input)).toBe(out);
  });

  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const once = normalise(s);
        expect(normalise(once)).toBe(once);
        expect(once).toMatch(/^[a-z0-9 ]*$/);
      }),
    );
  });
});
