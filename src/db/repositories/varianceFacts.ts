import { sql } from 'kysely';
import type { Db } from '../database.ts';
import { saleWindow } from './saleWindow.ts';

/**
 * Till price of one bottle per drink (TTC, cents): the linked product whose factor is closest to a bottle, its price
 * divided by its factor.
 */
export async function tillBottlePrices(db: Db, establishmentId: string): Promise<Map<string, number>> {
  const rows = await sql<{ drink_id: string; price: number }>`
    select distinct on (l.drink_id) l.drink_id, round(p.price_cents / l.factor) as price
    from till_link l
    join till_product p on p.establishment_id = l.establishment_id and p.id = l.till_product_id
    where l.establishment_id = ${establishmentId} and p.price_cents is not null
    order by l.drink_id, abs(l.factor - 1), p.price_cents desc
  `.execute(db);
  return new Map(rows.rows.map((r) => [r.drink_id, Number(r.price)]));
}

export async function linkedDrinks(
  db: Db,
  establishmentId: string,
): Promise<Map<string, { linkedAt: Date }>> {
  const rows = await db
    .selectFrom('till_link')
    .select(['drink_id', sql<Date>`max(created_at)`.as('linked_at')])
    .where('establishment_id', '=', establishmentId)
    .groupBy('drink_id')
    .execute();
  return new Map(rows.map((r) => [r.drink_id, { linkedAt: new Date(r.linked_at) }]));
}

/** Receipts per drink in (from, to]. */
export async function receiptsBetween(
  db: Db,
  establishmentId: string,
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('stock_movement')
    .select(['drink_id', sql<number>`sum(quantity)`.as('q')])
    .where('establishment_id', '=', establishmentId)
    .where('kind', '=', 'receipt')
    .where('occurred_at', '>', from)
    .where('occurred_at', '<=', to)
    .groupBy('drink_id')
    .execute();
  return new Map(rows.map((r) => [r.drink_id, Number(r.q)]));
}

export type UnlinkedSold = {
  tillProductId: string;
  label: string;
  family: string | null;
  quantity: number;
  revenueCents: number;
};

/** A drink family is one that holds at least one linked product: the bar's, not the kitchen's. */
export const drinkFamily = (establishmentId: string) => sql<boolean>`p.family in (
  select p2.family from till_link l2
  join till_product p2 on p2.establishment_id = l2.establishment_id and p2.id = l2.till_product_id
  where l2.establishment_id = ${establishmentId} and p2.family is not null)`;

/** Till products of drink families, neither linked nor ignored, sold in (from, to]: sales the stock never saw. */
export async function unlinkedSoldProducts(
  db: Db,
  establishmentId: string,
  from: Date,
  to: Date,
  limit = 10,
): Promise<{ items: UnlinkedSold[]; revenueCents: number }> {
  const rows = await sql<{ id: string; label: string; family: string | null; q: number; rev: number }>`
    with w as (${saleWindow(establishmentId, from, to)})
    select p.id, p.label, p.family, sum(w.quantity) as q, sum(w.amount_cents) as rev
    from w
    join till_product p on p.establishment_id = ${establishmentId} and p.id = w.till_product_id
    where p.ignored_at is null
      and not exists (select 1 from till_link l where l.establishment_id = p.establishment_id and l.till_product_id = p.id)
      and ${drinkFamily(establishmentId)}
    group by p.id, p.label, p.family
    order by rev desc
  `.execute(db);
  const items = rows.rows.map((r) => ({
    tillProductId: r.id,
    label: r.label,
    family: r.family,
    quantity: Number(r.q),
    revenueCents: Number(r.rev),
  }));
  return { items: items.slice(0, limit), revenueCents: items.reduce((s, i) => s + i.revenueCents, 0) };
}
