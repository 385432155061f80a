import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { saleWindow } from './saleWindow.ts';
import { drinkFamily } from './varianceFacts.ts';

// The facts of the coût matière: linked sales per drink, unlinked drink revenue, purchases, dormant stock.

// Sales are read through saleWindow (sale_product_day, and lines only where needed): the same sums as the lines.

export type DrinkSales = {
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
  const rows = await sql<{ drink_id: string; q: number; rev: number; ttc: number }>`
    with w as (${saleWindow(establishmentId, from, to)})
    select l.drink_id, sum(w.quantity * l.factor) as q, sum(w.excl_tax_cents) as rev, sum(w.amount_cents) as ttc
    from w join till_link l on l.establishment_id = ${establishmentId} and l.till_product_id = w.till_product_id
    group by l.drink_id
  `.execute(db);
  return rows.rows.map((r) => ({
    drinkId: r.drink_id,
    quantity: Math.round(Number(r.q) * 1000) / 1000,
    revenueExclTaxCents: Number(r.rev),
    revenueCents: Number(r.ttc),
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
    with w as (${saleWindow(establishmentId, from, to)})
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

export type Purchases = { drinkId: string; quantity: number; pricedCents: number; unpricedQuantity: number };

/** Receipts in (from, to]: the priced part at its price; the unpriced quantity is valued by the caller. */
export async function purchasesByDrink(
  db: Db,
  establishmentId: string,
  from: Date,
  to: Date,
): Promise<Purchases[]> {
  const rows = await db
    .selectFrom('stock_movement')
    .select([
      'drink_id',
      sql<number>`sum(quantity)`.as('q'),
      sql<number>`coalesce(sum(quantity * unit_cost_cents), 0)`.as('priced'),
      sql<number>`coalesce(sum(quantity) filter (where unit_cost_cents is null), 0)`.as('unpriced'),
    ])
    .where('establishment_id', '=', establishmentId)
    .where('kind', '=', 'receipt')
    .where('occurred_at', '>', from)
    .where('occurred_at', '<=', to)
    .groupBy('drink_id')
    .execute();
  return rows.map((r) => ({
    drinkId: r.drink_id,
    quantity: Number(r.q),
    pricedCents: Math.round(Number(r.priced)),
    unpricedQuantity: Number(r.unpriced),
  }));
}

/** Last sign of life per drink up to `at`: its last movement or its last linked sale. */
export async function lastActivity(
  db: Db,
  establishmentId: string,
  at: Date,
  since: Date,
): Promise<Map<string, Date>> {
  const rows = await sql<{ drink_id: string; last_at: Date }>`
    select drink_id, max(last_at) as last_at from (
      select m.drink_id, max(m.occurred_at) as last_at from stock_movement m
      where m.establishment_id = ${establishmentId} and m.occurred_at <= ${at} and m.occurred_at > ${since}
      group by m.drink_id
      union all
      select l.drink_id, max(w.last_sold_at) from (${saleWindow(establishmentId, since, at)}) w
      join till_link l on l.establishment_id = ${establishmentId} and l.till_product_id = w.till_product_id
      group by l.drink_id
    ) x group by drink_id
  `.execute(db);
  return new Map(rows.rows.map((r) => [r.drink_id, new Date(r.last_at)]));
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
