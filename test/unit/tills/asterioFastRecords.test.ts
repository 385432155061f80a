import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOf, readLineFast, readTicketHeadFast } from '../../../src/tills/asterio/fastRecords.ts';
import { decimalToCents, line, ticketHead } from '../../../src/tills/asterio/wire.ts';

// The fast readers accept exactly what the zod schemas accept, with the same output, and decline the rest (which
// then goes to zod for its error): checked on well-formed records and on records with one broken field.

/** Mostly well-formed values, sometimes a broken one: the readers meet both. */
const either = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });

const goodMoney = fc
  .tuple(
    fc.boolean(),
    fc.integer({ min: 0, max: 999_999_999 }),
    fc.constantFrom('', '.5', '.05', '.50', '.99'),
  )
  .map(([neg, u, f]) => `${neg ? '-' : ''}${u}${f}`);
const badMoney = fc.constantFrom(
  '12.505',
  '1e3',
  ' 1.00',
  '1.',
  '.5',
  '-',
  '1234567890.00',
  '12,50',
  12.5,
  undefined,
);
const goodInstant = fc
  .tuple(
    fc.integer({ min: -62_000_000_000_000, max: 253_000_000_000_000 }),
    fc.constantFrom('Z', '+01:00', '-02:30', '+14:00'),
    fc.boolean(),
  )
  .map(([ms, zone, millis]) => `${new Date(ms).toISOString().slice(0, millis ? 23 : 19)}${zone}`);
const badInstant = fc.constantFrom(
  '2026-02-30T10:00:00Z',
  '2026-13-01T10:00:00Z',
  '2026-11-21T24:00:00+01:00',
  '2026-11-21T23:59:60Z',
  '2026-11-21 20:00:00Z',
  '2026-11-21T20:00:00',
  'hier soir',
  '0000-01-01T00:30:00+01:00',
  '9999-12-31T23:59:59-02:00',
  42,
);
const id = either(
  fc.string({ minLength: 1, maxLength: 64 }),
  fc.constantFrom('', 'x'.repeat(65), 7, null, undefined),
);
const rawLine = fc
  .record({
    lineId: id,
    productId: id,
    label: either(fc.string({ minLength: 1, maxLength: 200 }), fc.constantFrom('', 'é'.repeat(201), 3)),
    kind: either(fc.constantFrom('sale', 'refund', 'void'), fc.constantFrom('gift', null)),
    quantity: either(
      fc.double({ min: -100_000, max: 100_000, noNaN: true }),
      fc.constantFrom(1e21, -100_000.5, Number.NaN, Infinity, '2'),
    ),
    amountInclTax: either(goodMoney, fc.oneof(badMoney, fc.constant(null))),
    amountExclTax: either(fc.oneof(goodMoney, fc.constant(null)), badMoney),
    discount: either(fc.oneof(goodMoney, fc.constant(null)), badMoney),
    soldAt: either(fc.oneof(goodInstant, badInstant), fc.constant(null)),
    extra: fc.anything(),
  })
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

describe('Astério fast record readers', () => {
  it('read a line exactly as the zod schema does, or decline what it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(rawLine, fc.anything()), (raw) => {
        const slow = line.safeParse(raw);
        const fast = readLineFast(raw);
        expect(fast).toStrictEqual(slow.success ? slow.data : null);
      }),
      { numRuns: 1500 },
    );
  });

  it('read the well-formed line of a till in the fast path', () => {
    const raw = {
      lineId: '1',
      productId: 'P1',
      label: 'Chablis 75cl',
      kind: 'sale',
      quantity: 2,
      amountInclTax: '64.00',
      amountExclTax: '53.33',
      discount: null,
      soldAt: '2026-11-21T21:14:05+01:00',
    };
    expect(readLineFast(raw)).toStrictEqual(line.parse(raw));
  });

  it('read a ticket head exactly as the zod schema does, or decline what it refuses', () => {
    const head = fc.record(
      {
        ticketId: id,
        closedAt: either(fc.oneof(goodInstant, badInstant), fc.constant(undefined)),
        lines: either(fc.array(fc.anything()), fc.constant('aucune')),
      },
      { requiredKeys: ['ticketId'] },
    );
    fc.assert(
      fc.property(fc.oneof(head, fc.anything()), (raw) => {
        const slow = ticketHead.safeParse(raw);
        const fast = readTicketHeadFast(raw);
        expect(fast).toStrictEqual(slow.success ? slow.data : null);
      }),
      { numRuns: 1000 },
    );
  });

  it('format instants as toISOString does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8_640_000_000_000_000, max: 8_640_000_000_000_000 }), (ms) => {
        expect(isoOf(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
  });

  it('turn decimal euros into cents digit by digit', () => {
    const reference = (text: string): number => {
      const negative = text.startsWith('-');
      const [units = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
      const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
      return negative ? -cents : cents;
    };
    fc.assert(
      fc.property(goodMoney, (m) => {
        expect(Object.is(decimalToCents(m), reference(m))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(Object.is(decimalToCents('-0.00'), -0)).toBe(true);
    expect(decimalToCents('-3.2')).toBe(-320);
  });
});
