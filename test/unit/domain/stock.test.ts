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

  describe('the base (issue 9, defect 4)', () => {
    // Weeks of till history before the drink entered Cellier with 6 bottles on day 10.
    const history = Array.from({ length: 9 }, (_, i) => ({ quantity: 2, factor: 1, soldAt: at(1 + i) }));
    const created = m('count', 6, 10, 1);

    it('a sale before the base never moves stock: a new drink starts at its bottles on hand', () => {
      expect(computeStock([created], history)).toEqual({ quantity: 6, lastCountAt: at(10) });
    });

    it('later sales take bottles out; a new count sets a new base', () => {
      const later = [
        { quantity: 1, factor: 1, soldAt: at(11) },
        { quantity: 3, factor: 1 / 6, soldAt: at(12) },
      ];
      expect(computeStock([created], [...history, ...later]).quantity).toBe(4.5);
      const recount = m('count', 5, 12, 2);
      expect(
        computeStock([created, recount], [...history, ...later, { quantity: 1, factor: 1, soldAt: at(13) }]),
      ).toEqual({ quantity: 4, lastCountAt: at(12) });
    });

    it('as of an instant before the drink was entered, no sale had moved it', () => {
      expect(computeStock([created], history, at(5)).quantity).toBe(0);
      expect(
        computeStock([created], [...history, { quantity: 1, factor: 1, soldAt: at(11) }], at(11)).quantity,
      ).toBe(5);
      expect(computeStock([created], [{ quantity: 1, factor: 1, soldAt: at(11) }], at(10)).quantity).toBe(6);
    });

    it('whatever the history before it, the stock right after the base is the counted quantity', () => {
      fc.assert(
        fc.property(
          fc.array(fc.record({ q: fc.integer({ min: -3, max: 20 }), day: fc.integer({ min: 1, max: 10 }) })),
          fc.integer({ min: 0, max: 500 }),
          (sales, onHand) => {
            const list = sales.map((x) => ({ quantity: x.q, factor: 1, soldAt: at(x.day) }));
            expect(computeStock([m('count', onHand, 10, 1)], list).quantity).toBe(onHand);
          },
        ),
      );
    });
  });
});
