import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { drinkFamily } from './varianceFacts.ts';

// The facts of the coût matière: linked sales per drink, unlinked drink revenue, purchases, dormant stock.

/** Business days that can hold a sale in (from, to]: keeps the partition pruning of sale_line. */
const dayBounds = (from: Date, to: Date) =>
  sql<boolean>`s.business_day between (${from}::timestamptz - interval '2 days')::date and (${to}::timestamptz + interval '2 days')::date
    and s.sold_at > ${from} and s.sold_at <= ${to}`;

/** Excluding tax: the till's own figure when it gives one, else the amount less the product's VAT. */
const exclTax = sql<number>`coalesce(s.amount_excl_tax_cents, round(s.amount_cents / (1 + coalesce(p.vat_rate, 20) / 100.0)))`;

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
    select l.drink_id, sum(s.quantity * l.factor) as q, sum(${exclTax}) as rev, sum(s.amount_cents) as ttc
    from sale_line s
    join till_link l on l.establishment_id = s.establishment_id and l.till_product_id = s.till_product_id
    join till_product p on p.establishment_id = s.establishment_id and p.id = s.till_product_id
    where s.establishment_id = ${establishmentId} and ${dayBounds(from, to)}
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
    select sum(${exclTax}) as rev
    from sale_line s
    join till_product p on p.establishment_id = s.establishment_id and p.id = s.till_product_id
    where s.establishment_id = ${establishmentId} and ${dayBounds(from, to)}
      and p.ignored_at is null
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
    select s.business_day as day, d.type as category, sum(${exclTax}) as rev
    from sale_line s
    join till_link l on l.establishment_id = s.establishment_id and l.till_product_id = s.till_product_id
    join till_product p on p.establishment_id = s.establishment_id and p.id = s.till_product_id
    join drink d on d.establishment_id = l.establishment_id and d.id = l.drink_id
    where s.establishment_id = ${establishmentId} and ${dayBounds(from, to)}
    group by s.business_day, d.type
    order by s.business_day
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
      select l.drink_id, max(s.sold_at) from sale_line s
      join till_link l on l.establishment_id = s.establishment_id and l.till_product_id = s.till_product_id
      where s.establishment_id = ${establishmentId} and ${dayBounds(since, at)}
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
