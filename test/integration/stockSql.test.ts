import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { insertMovements } from '../../src/db/repositories/stockMovements.ts';
import { findDrink } from '../../src/db/repositories/drinks.ts';
import { computeStock } from '../../src/domain/stock.ts';

/** The SQL that lists stock and the pure rule in domain/ must agree on any history. */
describeOnBothDatabases('stock in SQL equals the domain rule', (kind) => {
  let db: TestDatabase;
  let establishmentId: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    establishmentId = (
      await db.db
        .insertInto('establishment')
        .values({ name: 'Test' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => db.drop());

  it('on random histories', async () => {
    const movement = fc.record({
      kind: fc.constantFrom('receipt' as const, 'loss' as const, 'adjustment' as const, 'count' as const),
      quantity: fc.integer({ min: 1, max: 50_000 }).map((n) => n / 1000),
      day: fc.integer({ min: 1, max: 28 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(movement, { maxLength: 15 }), async (list) => {
        const drink = await db.db
          .insertInto('drink')
          .values({
            establishment_id: establishmentId,
            type: 'wine',
            format_cl: 75,
            search_text: '',
            grapes: [],
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const occurred = list.map((x) => new Date(Date.UTC(2026, 1, x.day)));
        await insertMovements(
          db.db,
          establishmentId,
          list.map((x, i) => ({
            drinkId: drink.id,
            kind: x.kind,
            quantity: x.quantity,
            occurredAt: occurred[i] ?? new Date(),
            accountId: null,
            note: null,
          })),
        );
        const rows = await db.db
          .selectFrom('stock_movement')
          .select(['kind', 'quantity', 'occurred_at', 'seq'])
          .where('drink_id', '=', drink.id)
          .execute();
        const expected = computeStock(
          rows.map((r) => ({
            kind: r.kind,
            quantity: Number(r.quantity),
            occurredAt: r.occurred_at,
            seq: Number(r.seq),
          })),
        );
        const found = await findDrink(db.db, establishmentId, drink.id);
        expect(found?.stock).toBeCloseTo(expected.quantity, 6);
        expect(found?.lastCountAt?.getTime() ?? null).toBe(expected.lastCountAt?.getTime() ?? null);
      }),
      { numRuns: 40 },
    );
  });
});
