import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import {
  findBadText,
  fitsScale,
  isCleanText,
  notInFuture,
  notTooOld,
} from '../../../src/domain/inputBounds.ts';

describe('input bounds', () => {
  it('tells clean text from NUL bytes and lone surrogates', () => {
    expect(isCleanText('Château 🍷 é')).toBe(true);
    expect(isCleanText('a\u0000b')).toBe(false);
    expect(isCleanText('\ud83c')).toBe(false);
    expect(isCleanText('x\udf77')).toBe(false);
    expect(isCleanText('\udf77\ud83c')).toBe(false);
  });

  it('finds the path of the first bad string, without recursing on a deep body', () => {
    expect(findBadText({ a: ['ok', { b: 'x\u0000' }] }, 'body')).toBe('body.a.1.b');
    let deep: unknown = 'fin\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findBadText(deep, 'body')).toMatch(/^body(\.0)+$/);
    expect(findBadText(Readable.from(['a\u0000']), 'body')).toBeUndefined();
    expect(findBadText(Buffer.from([0, 0]), 'body')).toBeUndefined();
  });

  it('bounds dates to 1900 and to a day past now', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    expect(notTooOld(new Date('1899-12-31T23:59:59Z'))).toBe(false);
    expect(notTooOld(new Date('1900-01-01T00:00:00Z'))).toBe(true);
    expect(notInFuture(new Date('2026-11-28T10:00:00Z'), now)).toBe(true);
    expect(notInFuture(new Date('2026-11-28T10:00:01Z'), now)).toBe(false);
  });

  it('fits a column scale, refusing tiny values that would round to 0', () => {
    expect(fitsScale(0.1 + 0.2, 2)).toBe(true);
    expect(fitsScale(99_999.999, 3)).toBe(true);
    expect(fitsScale(1e-9, 3)).toBe(false);
    expect(fitsScale(1e-10, 3)).toBe(false);
    expect(fitsScale(0.0005, 3)).toBe(false);
    expect(fitsScale(12.345, 2)).toBe(false);
  });
});
