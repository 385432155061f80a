import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeStock, type StockMovement } from '../../../src/domain/stock.ts';

const at = (day: number) => new Date(Date.UTC(2026, 10, day, 12));
const m = (kind: StockMovement['kind'], quantity: number, day: number, seq: number): StockMovement => ({
  kind,
  quantity,
  occurredAt: at(day),
  seq,
});

describe('computeStock', () => {
  it('starts from zero without a count', () => {
    expect(computeStock([m('receipt', 12, 1, 1), m('loss', 2, 2, 2), m('adjustment', -1, 3, 3)])).toEqual({
      quantity: 9,
      lastCountAt: null,
    });
  });

  it('takes the last count as base and only what comes after it', () => {
    const state = computeStock([
      m('receipt', 12, 1, 1),
      m('count', 10, 5, 2),
      m('receipt', 6, 4, 3),
      m('loss', 1, 6, 4),
    ]);
    expect(state).toEqual({ quantity: 9, lastCountAt: at(5) });
  });

  it('orders same-instant movements by their sequence', () => {
    expect(computeStock([m('count', 10, 5, 2), m('receipt', 3, 5, 1)]).quantity).toBe(10);
    expect(computeStock([m('count', 10, 5, 1), m('receipt', 3, 5, 2)]).quantity).toBe(13);
  });

  it('takes sales times factor out, after the count only; six glasses of 1/6 make one bottle', () => {
    const sales = Array.from({ length: 6 }, (_, i) => ({ quantity: 1, factor: 1 / 6, soldAt: at(7 + i) }));
    const before = { quantity: 4, factor: 1, soldAt: at(2) };
    expect(computeStock([m('count', 10, 5, 1)], [...sales, before]).quantity).toBe(9);
    expect(computeStock([m('count', 10, 5, 1)], [{ quantity: -1, factor: 1, soldAt: at(8) }]).quantity).toBe(
      11,
    );
  });

  it('a new count always resets the stock to the counted quantity', () => {
    const movement = fc.record({
      kind: fc.constantFrom('receipt', 'loss', 'adjustment', 'count' as const),
      quantity: fc.integer({ min: 0, max: 500 }),
      day: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(movement, { maxLength: 30 }),
        fc.integer({ min: 0, max: 1000 }),
        (list, counted) => {
          const movements = list.map((x, i) => m(x.kind, x.quantity, x.day, i + 1));
          movements.push(m('count', counted, 25, movements.length + 1));
          expect(computeStock(movements).quantity).toBe(counted);
        },
      ),
    );
  });
});
