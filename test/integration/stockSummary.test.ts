import crypto from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findDrink, insertDrink } from '../../src/db/repositories/drinks.ts';
import { stockAt, stockAtInstants } from '../../src/db/repositories/stockAt.ts';
import {
  deleteLines,
  ensureSaleLinePartition,
  insertLines,
  updateLine,
} from '../../src/db/repositories/saleLines.ts';
import { insertMovements } from '../../src/db/repositories/stockMovements.ts';
import { rebuildDrinkStock } from '../../src/db/repositories/stockQuery.ts';
import { deleteLink, updateLinkFactor, upsertLink } from '../../src/db/repositories/tillLinks.ts';
import { insertTillProducts } from '../../src/db/repositories/tillProducts.ts';
import { computeStock } from '../../src/domain/stock.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../helpers/databases.ts';
import { plainDrink } from '../helpers/plainDrink.ts';

// The stored summary (drink_stock, kept by triggers) must equal the pure rule of domain/stock.ts after any
// history of movements, counts, links, relinks, factor changes, breaks, sales, corrections and removals, for drinks
// born with a base (a count at creation) amid the sales; stockAt at any instant equals the rule as of that instant.
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 1, day, hour));
const event = fc.oneof(
  fc.record({
    t: fc.constant('movement' as const),
    drink: fc.nat(1),
    kind: fc.constantFrom('receipt' as const, 'loss' as const, 'adjustment' as const, 'count' as const),
    quantity: fc.integer({ min: 0, max: 30_000 }).map((n) => n / 1000),
    day: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    t: fc.constant('link' as const),
    product: fc.nat(2),
    drink: fc.nat(1),
    factor: fc.constantFrom(1, 0.5, 1 / 6, 2),
  }),
  fc.record({ t: fc.constant('break' as const), product: fc.nat(2) }),
  fc.record({ t: fc.constant('factor' as const), product: fc.nat(2), factor: fc.constantFrom(1, 0.25, 3) }),
  fc.record({
    t: fc.constant('sales' as const),
    product: fc.nat(2),
    day: fc.integer({ min: 1, max: 3 }),
    quantities: fc.array(fc.integer({ min: -2, max: 4 }), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    t: fc.constant('correct' as const),
    pick: fc.nat(),
    quantity: fc.integer({ min: -1, max: 5 }),
  }),
  fc.record({ t: fc.constant('remove' as const), pick: fc.nat() }),
);

const bases = fc.tuple(
  ...[0, 1].map(() =>
    fc.record({
      quantity: fc.integer({ min: 0, max: 12_000 }).map((n) => n / 1000),
      day: fc.integer({ min: 1, max: 3 }),
      hour: fc.integer({ min: 9, max: 15 }),
    }),
  ),
);
const probe = fc.record({ day: fc.integer({ min: 1, max: 3 }), hour: fc.integer({ min: 8, max: 16 }) });
const drinkValues = plainDrink();

describeOnBothDatabases('stock summary equals the domain rule', (kind) => {
  let db: TestDatabase;
  const ledgerOf = async (e: string, drinkId: string) => {
    const movements = await db.db
      .selectFrom('stock_movement')
      .select(['kind', 'quantity', 'occurred_at', 'seq'])
      .where('establishment_id', '=', e)
      .where('drink_id', '=', drinkId)
      .execute();
    const sales = await db.db
      .selectFrom('sale_line as s')
      .innerJoin('till_link as l', (j) =>
        j
          .onRef('l.establishment_id', '=', 's.establishment_id')
          .onRef('l.till_product_id', '=', 's.till_product_id'),
      )
      .select(['s.quantity', 's.sold_at', 'l.factor'])
      .where('s.establishment_id', '=', e)
      .where('l.drink_id', '=', drinkId)
      .execute();
    return {
      movements: movements.map((m) => ({
        kind: m.kind,
        quantity: Number(m.quantity),
        occurredAt: m.occurred_at,
        seq: Number(m.seq),
      })),
      sales: sales.map((s) => ({
        quantity: Number(s.quantity),
        factor: Number(s.factor),
        soldAt: s.sold_at,
      })),
    };
  };
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db.drop());

  it('on random histories with links, breaks and corrections', async () => {
    await ensureSaleLinePartition(db.db, '2026-02-01');
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 14 }), bases, probe, async (events, born, when) => {
        const e = (
          await db.db
            .insertInto('establishment')
            .values({ name: 'T' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        const tillId = crypto.randomUUID();
        const drinks: string[] = [];
        for (const b of born) {
          const d = await insertDrink(db.db, e, drinkValues, '', null, {
            quantity: b.quantity,
            at: at(b.day, b.hour),
          });
          drinks.push(d.id);
        }
        const ids = await insertTillProducts(
          db.db,
          e,
          tillId,
          [0, 1, 2].map((i) => ({
            externalId: `P${i}`,
            label: `P${i}`,
            family: null,
            vatRate: null,
            priceCents: null,
            active: true,
            seenOn: '2026-02-01',
          })),
        );
        const products = [0, 1, 2].map((i) => ids.get(`P${i}`) ?? '');
        const lines: { day: string; ticketId: string; lineId: string; product: string; soldAt: Date }[] = [];
        let n = 0;
        for (const ev of events) {
          await db.db.transaction().execute(async (trx) => {
            if (ev.t === 'movement') {
              await insertMovements(trx, e, [
                {
                  drinkId: drinks[ev.drink] ?? '',
                  kind: ev.kind,
                  quantity: ev.quantity,
                  occurredAt: at(ev.day, 12),
                  accountId: null,
                  note: null,
                },
              ]);
            } else if (ev.t === 'link') {
              const link = { tillProductId: products[ev.product] ?? '', drinkId: drinks[ev.drink] ?? '' };
              await upsertLink(trx, e, { ...link, factor: ev.factor, linkedBy: null });
            } else if (ev.t === 'break') {
              await deleteLink(trx, e, products[ev.product] ?? '');
            } else if (ev.t === 'factor') {
              await updateLinkFactor(trx, e, products[ev.product] ?? '', ev.factor);
            } else if (ev.t === 'sales') {
              const day = `2026-02-${String(ev.day).padStart(2, '0')}`;
              const batch = ev.quantities.map((quantity, i) => ({
                ticketId: `t${n++}`,
                lineId: '1',
                tillProductId: products[ev.product] ?? '',
                // Hour 12 is the movements' instant: a sale at the count's instant is not after it.
                soldAt: at(ev.day, 10 + i * 2),
                label: 'x',
                quantity,
                amountCents: 100,
                amountExclTaxCents: null,
                discountCents: null,
              }));
              await insertLines(trx, e, tillId, day, crypto.randomUUID(), batch);
              lines.push(...batch.map((l) => ({ day, ...l, product: l.tillProductId })));
            } else if (lines.length > 0) {
              const i = ev.pick % lines.length;
              const line = lines[i];
              if (!line) return;
              if (ev.t === 'remove') {
                await deleteLines(trx, e, tillId, line.day, [line]);
                lines.splice(i, 1);
              } else {
                await updateLine(trx, e, tillId, line.day, crypto.randomUUID(), {
                  ...line,
                  tillProductId: line.product,
                  label: 'y',
                  quantity: ev.quantity,
                  amountCents: 1,
                  amountExclTaxCents: null,
                  discountCents: null,
                });
              }
            }
          });
        }
        const check = async () => {
          for (const drinkId of drinks) {
            const { movements, sales } = await ledgerOf(e, drinkId);
            const expected = computeStock(movements, sales);
            const found = await findDrink(db.db, e, drinkId);
            expect(found?.stock).toBeCloseTo(expected.quantity, 2);
            expect(found?.lastCountAt?.getTime() ?? null).toBe(expected.lastCountAt?.getTime() ?? null);
          }
        };
        await check();
        const instant = at(when.day, when.hour);
        for (const row of await stockAt(db.db, e, instant)) {
          const { movements, sales } = await ledgerOf(e, row.drinkId);
          expect(row.quantity).toBeCloseTo(computeStock(movements, sales, instant).quantity, 2);
        }
        // Several instants in one statement give what each gives alone.
        const instants = [at(1, 0), instant, at(when.day + 1, 3)];
        const together = await stockAtInstants(db.db, e, instants);
        const sorted = (rows: { drinkId: string }[] = []) =>
          [...rows].sort((a, b) => a.drinkId.localeCompare(b.drinkId));
        for (const [i, one] of instants.entries())
          expect(sorted(together[i])).toEqual(sorted(await stockAt(db.db, e, one)));
        // A rebuild from the ledger finds the same figures.
        await db.db.deleteFrom('drink_stock').where('establishment_id', '=', e).execute();
        expect(await rebuildDrinkStock(db.db, e)).toBe(2);
        await check();
      }),
      {
        numRuns: 40,
        examples: [
          [
            [
              { t: 'link', product: 0, drink: 0, factor: 1 },
              { t: 'movement', drink: 0, kind: 'count', quantity: 5, day: 1 },
              { t: 'sales', product: 0, day: 1, quantities: [1, 1, 1] },
              { t: 'correct', pick: 2, quantity: 2 },
              { t: 'sales', product: 1, day: 2, quantities: [3] },
              { t: 'link', product: 1, drink: 0, factor: 0.5 },
              { t: 'link', product: 1, drink: 1, factor: 2 },
              { t: 'break', product: 0 },
              { t: 'link', product: 0, drink: 0, factor: 1 },
              { t: 'remove', pick: 0 },
            ],
            [
              { quantity: 6, day: 2, hour: 11 },
              { quantity: 0, day: 1, hour: 9 },
            ],
            { day: 2, hour: 10 },
          ],
        ],
      },
    );
  });
});
