import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { saleBuckets, saleWindow } from './saleWindow.ts';
import { drinkFamily } from './varianceFacts.ts';

// The facts of the coût matière: linked sales per drink, unlinked drink revenue, purchases, dormant stock.

// Sales are read through saleWindow (sale_product_day, and lines only where needed): the same sums as the lines.

type DrinkSales = {
  drinkId: string;
  quantity: number;
  revenueExclTaxCents: number;
  revenueCents: number;
};

export async function linkedSalesByDrink(
  db: Db,
  establishmentId: string,
  from: Date,
  to: Date,
): Promise<DrinkSales[]> {
  const drinks = await linkedSalesByBucket(db, establishmentId, [from, to], 1);
  return drinks.map((r) => ({
    drinkId: r.drinkId ?? '',
    quantity: roundQuantity(r.quantity),
    revenueExclTaxCents: r.revenueExclTaxCents,
    revenueCents: r.revenueCents,
  }));
}

/** Quantities are summed exactly in numeric and rounded to the thousandth once, when shown. */
export const roundQuantity = (q: number): number => Math.round(q * 1000) / 1000;

export type BucketDrinkSales = Omit<DrinkSales, 'drinkId'> & {
  bucket: number;
  /** Null in the buckets before `detailFrom`: their total only. */
  drinkId: string | null;
  lastSoldAt: Date;
};

/**
 * Linked sales in the buckets of `saleBuckets(bounds)`, in one scan: per drink from bucket `detailFrom` on, a total
 * per bucket before it. Hash-aggregated into a few thousand groups, whatever the number of days.
 */
export async function linkedSalesByBucket(
  db: Db,
  establishmentId: string,
  bounds: readonly Date[],
  detailFrom: number,
): Promise<BucketDrinkSales[]> {
  const rows = await sql<{
    bucket: number;
    drink_id: string | null;
    q: number;
    rev: number;
    ttc: number;
    last_at: Date;
  }>`
    with w as (${saleBuckets(establishmentId, bounds)})
    select w.bucket, case when w.bucket >= ${detailFrom} then l.drink_id end as drink_id, sum(w.quantity * l.factor) as q,
      sum(w.excl_tax_cents) as rev, sum(w.amount_cents) as ttc, max(w.last_sold_at) as last_at
    from w
    join till_link l on l.establishment_id = ${establishmentId} and l.till_product_id = w.till_product_id
    group by 1, 2
  `.execute(db);
  return rows.rows.map((r) => ({
    bucket: Number(r.bucket),
    drinkId: r.drink_id,
    quantity: Number(r.q),
    revenueExclTaxCents: Number(r.rev),
    revenueCents: Number(r.ttc),
    lastSoldAt: new Date(r.last_at),
  }));
}

/** Revenue excluding tax of drink-family products that are not linked (nor ignored): shown apart. */
export async function unlinkedDrinkRevenue(
  db: Db,
  establishmentId: string,
  from: Date,
  to: Date,
): Promise<number> {
  const row = await sql<{ rev: number | null }>`
    with w as (${saleWindow(establishmentId, from, to)})
    select sum(w.excl_tax_cents) as rev
    from w join till_product p on p.establishment_id = ${establishmentId} and p.id = w.till_product_id
    where p.ignored_at is null
      and not exists (select 1 from till_link l where l.establishment_id = p.establishment_id and l.till_product_id = p.id)
      and ${drinkFamily(establishmentId)}
  `.execute(db);
  return Number(row.rows[0]?.rev ?? 0);
}

/** Linked revenue per business day and drink category (for the charts). */
export async function revenueByDayAndCategory(
  db: Db,
  establishmentId: string,
  from: Date,
  to: Date,
): Promise<{ day: string; category: string; revenueExclTaxCents: number }[]> {
  const rows = await sql<{ day: string; category: string; rev: number }>`
    with w as (${saleWindow(establishmentId, from, to, { byDay: true })})
    select w.business_day as day, d.type as category, sum(w.excl_tax_cents) as rev
    from w
    join till_link l on l.establishment_id = ${establishmentId} and l.till_product_id = w.till_product_id
    join drink d on d.establishment_id = l.establishment_id and d.id = l.drink_id
    group by w.business_day, d.type
    order by w.business_day
  `.execute(db);
  return rows.rows.map((r) => ({
    day: String(r.day),
    category: r.category,
    revenueExclTaxCents: Number(r.rev),
  }));
}

export type BucketReceipts = {
  bucket: number;
  drinkId: string;
  receivedQuantity: number;
  /** Unrounded: rounded once per period by the caller. */
  pricedCents: number;
  unpricedQuantity: number;
};

/** Receipts per drink in each bucket (bounds[k - 1], bounds[k]]: the priced part at its price, the unpriced quantity. */
export async function receiptsByBucket(
  db: Db,
  establishmentId: string,
  bounds: readonly Date[],
): Promise<BucketReceipts[]> {
  const first = bounds[0];
  const last = bounds[bounds.length - 1];
  if (!first || !last) return [];
  const cuts = sql`${sql.val(bounds.map((b) => b.toISOString()))}::timestamptz[]`;
  const rows = await sql<{ bucket: number; drink_id: string; q: number; priced: number; unpriced: number }>`
    select width_bucket(m.occurred_at - interval '1 microsecond', ${cuts}) as bucket, m.drink_id,
      sum(m.quantity) as q, coalesce(sum(m.quantity * m.unit_cost_cents), 0) as priced,
      coalesce(sum(m.quantity) filter (where m.unit_cost_cents is null), 0) as unpriced
    from stock_movement m
    where m.establishment_id = ${establishmentId} and m.kind = 'receipt'
      and m.occurred_at > ${first} and m.occurred_at <= ${last}
    group by 1, 2
  `.execute(db);
  return rows.rows.map((r) => ({
    bucket: Number(r.bucket),
    drinkId: r.drink_id,
    receivedQuantity: Number(r.q),
    pricedCents: Number(r.priced),
    unpricedQuantity: Number(r.unpriced),
  }));
}

/**
 * The drinks with a sign of life in (since, at]: a movement, or a sale of a linked product. One index probe per linked
 * product: a product-day touching the window holds such a sale at its first or last sale when either lies inside;
 * only a day spanning the whole window reads its lines.
 */
export async function activeDrinks(
  db: Db,
  establishmentId: string,
  since: Date,
  at: Date,
): Promise<Set<string>> {
  const rows = await sql<{ drink_id: string }>`
    select m.drink_id from stock_movement m
    where m.establishment_id = ${establishmentId} and m.occurred_at > ${since} and m.occurred_at <= ${at}
    union
    select l.drink_id from till_link l
    where l.establishment_id = ${establishmentId} and exists (
      select 1 from sale_product_day t
      where t.establishment_id = l.establishment_id and t.till_product_id = l.till_product_id
        and t.business_day between (${since}::timestamptz - interval '2 days')::date
          and (${at}::timestamptz + interval '2 days')::date
        and t.last_sold_at > ${since} and t.first_sold_at <= ${at}
        and (t.first_sold_at > ${since} or t.last_sold_at <= ${at} or exists (
          select 1 from sale_line s
          where s.establishment_id = t.establishment_id and s.till_product_id = t.till_product_id
            and s.business_day = t.business_day and s.sold_at > ${since} and s.sold_at <= ${at})))
  `.execute(db);
  return new Set(rows.rows.map((r) => r.drink_id));
}

export type DrinkIdentity = {
  id: string;
  type: string;
  producer: string | null;
  cuvee: string | null;
  appellation: string | null;
  vintage: number | null;
  formatCl: number;
};

export async function drinkIdentities(db: Db, establishmentId: string): Promise<Map<string, DrinkIdentity>> {
  const rows = await db
    .selectFrom('drink')
    .select(['id', 'type', 'producer', 'cuvee', 'appellation', 'vintage', 'format_cl'])
    .where('establishment_id', '=', establishmentId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        type: r.type,
        producer: r.producer,
        cuvee: r.cuvee,
        appellation: r.appellation,
        vintage: r.vintage,
        formatCl: Number(r.format_cl),
      },
    ]),
  );
}
