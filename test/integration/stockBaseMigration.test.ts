import crypto from 'node:crypto';
import { Migrator } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.ts';
import { findDrink } from '../../src/db/repositories/drinks.ts';
import { ensureSaleLinePartition, insertLines } from '../../src/db/repositories/saleLines.ts';
import { insertMovements } from '../../src/db/repositories/stockMovements.ts';
import { upsertLink } from '../../src/db/repositories/tillLinks.ts';
import { insertTillProducts } from '../../src/db/repositories/tillProducts.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../helpers/databases.ts';

const MIGRATION = '20261206T0410_drink_base_counts';

// Drinks entered before the base rule had no count: the migration gives each a count of 0 at its created_at.
describeOnBothDatabases('migration: a base for every drink never counted', (kind) => {
  let db: TestDatabase;
  const migrator = () =>
    new Migrator({ db: db.db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db.drop());

  it('up drops the sales before created_at from stock and keeps later receipts; down restores the old figure', async () => {
    const names = Object.keys(migrations).sort();
    const before = names[names.indexOf(MIGRATION) - 1];
    if (!before) throw new Error('no migration before the base counts');
    expect((await migrator().migrateTo(before)).error).toBeUndefined();

    const e = (
      await db.db
        .insertInto('establishment')
        .values({ name: 'Avant' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const newDrink = (createdAt: string) =>
      db.db
        .insertInto('drink')
        .values({
          establishment_id: e,
          type: 'wine',
          format_cl: 75,
          search_text: '',
          grapes: [],
          created_at: new Date(createdAt),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const uncounted = (await newDrink('2026-02-10T12:00:00Z')).id;
    const counted = (await newDrink('2026-02-01T12:00:00Z')).id;
    await insertMovements(db.db, e, [
      {
        drinkId: uncounted,
        kind: 'receipt',
        quantity: 12,
        occurredAt: new Date('2026-02-11T12:00:00Z'),
        accountId: null,
        note: null,
      },
      {
        drinkId: counted,
        kind: 'count',
        quantity: 4,
        occurredAt: new Date('2026-02-08T12:00:00Z'),
        accountId: null,
        note: null,
      },
    ]);
    const tillId = crypto.randomUUID();
    const ids = await insertTillProducts(
      db.db,
      e,
      tillId,
      ['A', 'B'].map((x) => ({
        externalId: x,
        label: x,
        family: null,
        vatRate: null,
        priceCents: null,
        active: true,
        seenOn: '2026-02-01',
      })),
    );
    await upsertLink(db.db, e, {
      tillProductId: ids.get('A') ?? '',
      drinkId: uncounted,
      factor: 1,
      linkedBy: null,
    });
    await upsertLink(db.db, e, {
      tillProductId: ids.get('B') ?? '',
      drinkId: counted,
      factor: 1,
      linkedBy: null,
    });
    await ensureSaleLinePartition(db.db, '2026-02-01');
    const sale = (product: string, day: number, quantity: number) => ({
      ticketId: crypto.randomUUID(),
      lineId: '1',
      tillProductId: ids.get(product) ?? '',
      soldAt: new Date(Date.UTC(2026, 1, day, 20)),
      label: product,
      quantity,
      amountCents: 100,
      amountExclTaxCents: null,
      discountCents: null,
    });
    // 5 bottles sold before the drink was entered, 2 after; the counted drink sold 1 after its count
    await insertLines(db.db, e, tillId, '2026-02-05', crypto.randomUUID(), [
      sale('A', 5, 5),
      sale('B', 5, 3),
    ]);
    await insertLines(db.db, e, tillId, '2026-02-12', crypto.randomUUID(), [
      sale('A', 12, 2),
      sale('B', 12, 1),
    ]);
    const stock = async (id: string) => (await findDrink(db.db, e, id))?.stock;
    expect(await stock(uncounted)).toBe(12 - 5 - 2);
    expect(await stock(counted)).toBe(4 - 1);

    expect((await migrator().migrateToLatest()).error).toBeUndefined();
    expect(await stock(uncounted)).toBe(12 - 2);
    expect((await findDrink(db.db, e, uncounted))?.lastCountAt?.toISOString()).toBe(
      '2026-02-10T12:00:00.000Z',
    );
    expect(await stock(counted)).toBe(4 - 1);

    expect((await migrator().migrateTo(before)).error).toBeUndefined();
    expect(await stock(uncounted)).toBe(12 - 5 - 2);
    expect(await stock(counted)).toBe(4 - 1);
    expect((await migrator().migrateToLatest()).error).toBeUndefined();
  });
});
