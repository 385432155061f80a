import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMatchIndex, match, type LibraryEntry } from '../../../src/matching/index.ts';
import { LIBRARY } from './library.fixture.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const index = buildMatchIndex(LIBRARY);

const stripAccents = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Noise a till operator adds; each keeps the label's identity. */
type Noise = (s: string, e: LibraryEntry) => string;
const NOISES: Record<string, Noise> = {
  upper: (s) => s.toUpperCase(),
  accents: (s) => stripAccents(s),
  chateau: (s) => s.replace(/Château/g, 'CH'),
  domaine: (s) => s.replace(/Domaine/g, 'DOM'),
  dropFiller: (s) => s.replace(/\b(Château|Domaine|de|du|La|Les)\s+/g, ''),
  servingPrefix: (s) => `VERRE ${s}`,
  bottlePrefix: (s) => `BTL ${s}`,
  vintage: (s, e) => `${s} ${String(e.vintages[0] ?? 2020).slice(-2)}`,
  format: (s) => `${s} 75CL`,
  truncate: (s) => {
    const ws = s.split(' ');
    const last = ws[ws.length - 1] ?? '';
    return last.length > 6 ? [...ws.slice(0, -1), last.slice(0, 5)].join(' ') : s;
  },
  hyphens: (s) => s.replace(/-/g, ' '),
};

describe('property: till noise keeps the right answer in the top 5', () => {
  const named = LIBRARY.filter((e) => e.producer !== null || e.cuvee !== null);
  it('holds for random combinations of noise', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...named),
        fc.subarray(Object.keys(NOISES), { maxLength: 4 }),
        (entry, noises) => {
          let label = entry.name;
          for (const k of noises) label = NOISES[k]?.(label, entry) ?? label;
          const ids = match(index, label, { now: NOW }).candidates.map((c) => c.id);
          expect(ids, label).toContain(entry.id);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('property: hostile input answers in bounded time', () => {
  const hostile = fc.oneof(
    fc.string({ unit: 'binary', minLength: 0, maxLength: 10_000 }),
    fc.stringMatching(/^[0-9 ]{0,2000}$/),
    fc
      .array(fc.constantFrom('🍷', '🥂', '\u0000', '\u001b', '\u200b', 'É', '/', "'", '.'), {
        maxLength: 3000,
      })
      .map((a) => a.join('')),
  );
  it('never throws, answers non to garbage, and stays fast', () => {
    fc.assert(
      fc.property(hostile, (label) => {
        const t0 = performance.now();
        const a = match(index, label, { now: NOW });
        expect(performance.now() - t0).toBeLessThan(100);
        expect(a.candidates.length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 200 },
    );
  });

  it('handles a 10,000-character label and pathological repeats quickly', () => {
    for (const label of [
      'A'.repeat(10_000),
      'CH '.repeat(4000),
      '2015 '.repeat(2000),
      '🍷'.repeat(5000),
      '\u0000'.repeat(10_000),
    ]) {
      const t0 = performance.now();
      const a = match(index, label, { now: NOW });
      expect(performance.now() - t0).toBeLessThan(100);
      expect(a.decision).toBe('non');
    }
  });

  it('answers non to digits only', () => {
    expect(match(index, '123456789', { now: NOW }).decision).toBe('non');
    expect(match(index, '', { now: NOW }).decision).toBe('non');
  });
});
