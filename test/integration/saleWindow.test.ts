import crypto from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  activeDrinks,
  linkedSalesByBucket,
  linkedSalesByDrink,
  revenueByDayAndCategory,
  unlinkedDrinkRevenue,
} from '../../src/db/repositories/bevFacts.ts';
import { insertDrink } from '../../src/db/repositories/drinks.ts';
import { ensureSaleLinePartition, insertLines } from '../../src/db/repositories/saleLines.ts';
import { upsertLink } from '../../src/db/repositories/tillLinks.ts';
import { insertTillProducts } from '../../src/db/repositories/tillProducts.ts';
import { drinkFamily, unlinkedSoldProducts } from '../../src/db/repositories/varianceFacts.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../helpers/databases.ts';
import { plainDrink } from '../helpers/plainDrink.ts';

// The reports read sales through sale_product_day (whole days) and lines (cut days, lines without the till's amount
// before tax). On random sales and windows they must give what summing every line gives (the rule before).
// Days 2 and 3 end February, 4 and 5 begin March: month summaries are whole, cut, or beside the window.
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 1, 26 + day, hour));
const line = fc.record({
  product: fc.nat(3),
  day: fc.integer({ min: 2, max: 5 }),
  hour: fc.integer({ min: 0, max: 23 }),
  quantity: fc.integer({ min: -1, max: 3 }),
  amountCents: fc.integer({ min: -500, max: 5000 }),
  exclTax: fc.option(fc.integer({ min: -400, max: 4200 }), { nil: null }),
});
const cuts = fc.array(fc.integer({ min: 1 * 24, max: 7 * 24 }), { minLength: 2, maxLength: 5 });
const window = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 80 }))
  .map(([day, hour, hours]) => ({
    from: at(day, hour),
    to: new Date(at(day, hour).getTime() + hours * 3_600_000),
  }));

/** The straightforward rule: every line of the window, its amount before tax from the till or the product's VAT. */
const EXCL = sql`coalesce(s.amount_excl_tax_cents, round(s.amount_cents / (1 + coalesce(p.vat_rate, 20) / 100.0)))`;
const LINES = sql`sale_line s join till_product p on p.establishment_id = s.establishment_id and p.id = s.till_product_id`;
const inWindow = (e: string, from: Date, to: Date) =>
  sql`s.establishment_id = ${e} and s.sold_at > ${from} and s.sold_at <= ${to}`;

describeOnBothDatabases('sales windows from the summary equal the lines', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await ensureSaleLinePartition(db.db, '2026-02-01');
    await ensureSaleLinePartition(db.db, '2026-03-01');
  });
  afterAll(() => db.drop());

  it('on random sales, amounts before tax given or not, and windows cutting days', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 25 }),
        window,
        cuts,
        async (sold, w, hours) => {
          const e = (
            await db.db
              .insertInto('establishment')
              .values({ name: 'W' })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
          const tillId = crypto.randomUUID();
          const ids = await insertTillProducts(
            db.db,
            e,
            tillId,
            [0, 1, 2, 3].map((i) => ({
              externalId: `P${i}`,
              label: `P${i}`,
              family: i === 3 ? 'CAFE' : 'VINS',
              vatRate: i === 1 ? 10 : i === 2 ? null : 20,
              priceCents: null,
              active: true,
              seenOn: '2026-03-01',
            })),
          );
          const product = (i: number) => ids.get(`P${i}`) ?? '';
          for (const [i, type] of (['wine', 'beer'] as const).entries()) {
            const d = await insertDrink(db.db, e, plainDrink({ type, producer: `D${i}` }), '', null, {
              quantity: 0,
              at: at(1, 0),
            });
            await upsertLink(db.db, e, {
              tillProductId: product(i),
              drinkId: d.id,
              factor: i === 0 ? 1 : 1 / 6,
              linkedBy: null,
            });
          }
          // Product 2 (VINS, not linked) is unlinked drink revenue; product 3 (CAFE) is no drink.
          let n = 0;
          for (const day of new Set(sold.map((l) => l.day))) {
            const group = sold.filter((l) => l.day === day);
            const iso = at(day, 0).toISOString().slice(0, 10);
            await insertLines(
              db.db,
              e,
              tillId,
              iso,
              crypto.randomUUID(),
              group.map((l) => ({
                ticketId: `t${n++}`,
                lineId: '1',
                tillProductId: product(l.product),
                soldAt: at(day, l.hour),
                label: 'x',
                quantity: l.quantity,
                amountCents: l.amountCents,
                amountExclTaxCents: l.exclTax,
                discountCents: null,
              })),
            );
          }
          const { from, to } = w;
          const byDrink = await sql<{ drink_id: string; q: number; rev: number; ttc: number }>`
          select l.drink_id, sum(s.quantity * l.factor) as q, sum(${EXCL}) as rev, sum(s.amount_cents) as ttc
          from ${LINES} join till_link l on l.establishment_id = s.establishment_id
            and l.till_product_id = s.till_product_id
          where ${inWindow(e, from, to)}
          group by l.drink_id`.execute(db.db);
          const fast = await linkedSalesByDrink(db.db, e, from, to);
          expect(new Map(fast.map((r) => [r.drinkId, r]))).toEqual(
            new Map(
              byDrink.rows.map((r) => [
                r.drink_id,
                {
                  drinkId: r.drink_id,
                  quantity: Math.round(Number(r.q) * 1000) / 1000,
                  revenueExclTaxCents: Number(r.rev),
                  revenueCents: Number(r.ttc),
                },
              ]),
            ),
          );
          const unlinked = await sql<{ rev: number | null }>`
          select sum(${EXCL}) as rev from ${LINES} where ${inWindow(e, from, to)} and p.ignored_at is null
            and not exists (select 1 from till_link l where l.establishment_id = p.establishment_id and l.till_product_id = p.id)
            and ${drinkFamily(e)}`.execute(db.db);
          expect(await unlinkedDrinkRevenue(db.db, e, from, to)).toBe(Number(unlinked.rows[0]?.rev ?? 0));
          const products = await sql<{ id: string; q: number; rev: number }>`
          select p.id, sum(s.quantity) as q, sum(s.amount_cents) as rev from ${LINES} where ${inWindow(e, from, to)}
            and not exists (select 1 from till_link l where l.establishment_id = p.establishment_id and l.till_product_id = p.id)
            and ${drinkFamily(e)}
          group by p.id`.execute(db.db);
          const items = (await unlinkedSoldProducts(db.db, e, from, to)).items;
          expect(new Map(items.map((i) => [i.tillProductId, [i.quantity, i.revenueCents]]))).toEqual(
            new Map(products.rows.map((r) => [r.id, [Number(r.q), Number(r.rev)]])),
          );
          const days = await sql<{ day: string; category: string; rev: number }>`
          select s.business_day as day, d.type as category, sum(${EXCL}) as rev
          from ${LINES} join till_link l on l.establishment_id = s.establishment_id
            and l.till_product_id = s.till_product_id
          join drink d on d.establishment_id = l.establishment_id and d.id = l.drink_id
          where ${inWindow(e, from, to)}
          group by s.business_day, d.type`.execute(db.db);
          const key = (r: { day: string; category: string }) => `${String(r.day)} ${r.category}`;
          expect(
            new Map(
              (await revenueByDayAndCategory(db.db, e, from, to)).map((r) => [key(r), r.revenueExclTaxCents]),
            ),
          ).toEqual(new Map(days.rows.map((r) => [key(r), Number(r.rev)])));
          const alive = await sql<{ drink_id: string }>`
          select l.drink_id from ${LINES}
          join till_link l on l.establishment_id = s.establishment_id and l.till_product_id = s.till_product_id
          where ${inWindow(e, from, to)}
          union
          select m.drink_id from stock_movement m
          where m.establishment_id = ${e} and m.occurred_at > ${from} and m.occurred_at <= ${to}`.execute(
            db.db,
          );
          expect(await activeDrinks(db.db, e, from, to)).toEqual(new Set(alive.rows.map((r) => r.drink_id)));
          // Cut at several bounds in one scan, each bucket sums as its own window, per drink from `detail` on.
          const bounds = [...new Set(hours)]
            .sort((a, b) => a - b)
            .map((h) => new Date(at(0, 0).getTime() + h * 3_600_000));
          if (bounds.length >= 2) {
            const detail = 2;
            const buckets = await linkedSalesByBucket(db.db, e, bounds, detail);
            for (let k = 1; k < bounds.length; k += 1) {
              const lo = bounds[k - 1] as Date;
              const hi = bounds[k] as Date;
              const expected = await linkedSalesByDrink(db.db, e, lo, hi);
              const got = buckets.filter((b) => b.bucket === k);
              const revenue = (rows: { revenueExclTaxCents: number }[]) =>
                rows.reduce((sum, r) => sum + r.revenueExclTaxCents, 0);
              expect(revenue(got)).toBe(revenue(expected));
              if (k >= detail)
                expect(
                  new Map(
                    got.map((r) => [r.drinkId, [Math.round(r.quantity * 1000) / 1000, r.revenueCents]]),
                  ),
                ).toEqual(new Map(expected.map((r) => [r.drinkId, [r.quantity, r.revenueCents]])));
              else expect(got.every((r) => r.drinkId === null)).toBe(true);
            }
            expect(buckets.every((b) => b.bucket >= 1 && b.bucket < bounds.length)).toBe(true);
          }
        },
      ),
      { numRuns: kind === 'pglite' ? 25 : 40 },
    );
  });
});
