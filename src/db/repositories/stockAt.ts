import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../database.ts';

type StockAtRow = { drinkId: string; quantity: number; baseAt: Date | null };

type StockAtOptions = { drinkIds?: readonly string[]; excludeSessionId?: string };

/** The counts a stock reads (alias `c`): all, or all but those a count session wrote itself. */
const keptCounts = (opts: StockAtOptions) =>
  // `null is distinct from null` is false: without a session to leave out, every count must stay in.
  opts.excludeSessionId ? sql`c.count_session_id is distinct from ${opts.excludeSessionId}::uuid` : sql`true`;

/**
 * The stock rule (DESIGN §4) evaluated at a past instant: the last count at or before `at`, the movements after it
 * up to `at`, and the linked sales with base < sold_at ≤ at. Before its first count (its creation) a drink had no
 * base yet and no sale counts, as `computeStock(…, asOf)` says. `excludeSessionId` leaves out the counts that a
 * count session wrote itself, so that its expected quantity is what the ledger said before it.
 */
export async function stockAt(
  db: Db,
  establishmentId: string,
  at: Date,
  opts: StockAtOptions = {},
): Promise<StockAtRow[]> {
  return (await stockAtInstants(db, establishmentId, [at], opts))[0] ?? [];
}

/** `stockAt` at several instants in one statement (a report's month starts): planned once, each instant a row set. */
export async function stockAtInstants(
  db: Db,
  establishmentId: string,
  instants: readonly Date[],
  opts: StockAtOptions = {},
): Promise<StockAtRow[][]> {
  const keep = keptCounts(opts);
  const ids = opts.drinkIds;
  if (instants.length === 0) return [];
  if (ids && ids.length === 0) return instants.map(() => []);
  if (instants.length >= 3) return stockAtManyInstants(db, establishmentId, instants, opts);
  const at = sql`i.at`;
  const ats = sql`${sql.val(instants.map((i) => i.toISOString()))}::timestamptz[]`;
  const rows = await sql<{ n: number; drink_id: string; quantity: number; base_at: Date | null }>`
    select i.n, d.id as drink_id,
      round(coalesce(lc.quantity, 0) + coalesce(mv.delta, 0) - coalesce(sl.sold, 0), 3) as quantity,
      lc.occurred_at as base_at
    from unnest(${ats}) with ordinality as i(at, n)
    cross join drink d
    left join lateral (
      select c.quantity, c.occurred_at, c.seq from stock_movement c
      where c.establishment_id = d.establishment_id and c.drink_id = d.id and c.kind = 'count'
        and c.occurred_at <= ${at} and ${keep}
      order by c.occurred_at desc, c.seq desc limit 1
    ) lc on true
    left join lateral (
      -- Only a drink without a count by then needs its first one (a one-time filter skips the others' lookup).
      select c.occurred_at from stock_movement c
      where lc.occurred_at is null
        and c.establishment_id = d.establishment_id and c.drink_id = d.id and c.kind = 'count' and ${keep}
      order by c.occurred_at, c.seq limit 1
    ) fc on true
    left join lateral (
      select sum(case m.kind when 'loss' then -m.quantity else m.quantity end) as delta
      from stock_movement m
      where m.establishment_id = d.establishment_id and m.drink_id = d.id and m.kind <> 'count'
        and m.occurred_at <= ${at} and m.occurred_at >= coalesce(lc.occurred_at, '-infinity')
        and (lc.seq is null or (m.occurred_at, m.seq) > (lc.occurred_at, lc.seq))
    ) mv on true
    cross join lateral (select coalesce(lc.occurred_at, fc.occurred_at, '-infinity') as base) b
    left join lateral (
      -- Sales in (base, at] of the drink's linked products; quantity × factor is exact in numeric.
      select sum(l.factor * x.q) as sold
      from till_link l
      cross join lateral (${productSoldBetween(establishmentId, sql`l.till_product_id`, sql`b.base`, at)}) x
      where l.establishment_id = ${establishmentId} and l.drink_id = d.id
    ) sl on true
    where d.establishment_id = ${establishmentId}
    ${ids ? sql`and d.id = any(${sql.val([...ids])}::uuid[])` : sql``}
  `.execute(db);
  const out: StockAtRow[][] = instants.map(() => []);
  for (const r of rows.rows)
    out[Number(r.n) - 1]?.push({ drinkId: r.drink_id, quantity: Number(r.quantity), baseAt: r.base_at });
  return out;
}

/**
 * What one till product sold in (base, at], as a one-row subquery `(q)`: a product-day lying wholly inside counts from
 * sale_product_day, one the window cuts (at most the two edge days) from its lines. Both days bound the summary's
 * index range (a line is sold within two days of its business day); one probe per product, lines only for an edge day.
 */
function productSoldBetween(
  establishmentId: string,
  productId: RawBuilder<unknown>,
  base: RawBuilder<unknown>,
  at: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`
    select sum(case
        when t.first_sold_at > ${base} and t.last_sold_at <= ${at} then t.quantity
        else (select coalesce(sum(s.quantity), 0) from sale_line s
          where s.establishment_id = t.establishment_id and s.till_product_id = t.till_product_id
            and s.business_day = t.business_day and s.sold_at > ${base} and s.sold_at <= ${at})
      end) as q
    from sale_product_day t
    where t.establishment_id = ${establishmentId} and t.till_product_id = ${productId}
      and t.business_day >= (${base} - interval '2 days')::date and t.business_day <= (${at} + interval '2 days')::date
      and t.last_sold_at > ${base} and t.first_sold_at <= ${at}`;
}

/**
 * Many instants (a report's month starts): each count carries the instant of the next one, so the last count at every
 * instant is found by one pass over the counts, and the movements after it by one join, instead of index lookups per
 * drink and instant. The property test holds it to the lookups of `stockAt`.
 */
async function stockAtManyInstants(
  db: Db,
  establishmentId: string,
  instants: readonly Date[],
  opts: StockAtOptions,
): Promise<StockAtRow[][]> {
  const keep = keptCounts(opts);
  const ids = opts.drinkIds;
  const only = (col: string) => (ids ? sql`and ${sql.ref(col)} = any(${sql.val([...ids])}::uuid[])` : sql``);
  const ats = sql`${sql.val(instants.map((i) => i.toISOString()))}::timestamptz[]`;
  const rows = await sql<{ n: number; drink_id: string; quantity: number; base_at: Date | null }>`
    with c as materialized (
      select c.drink_id, c.quantity, c.occurred_at, c.seq,
        lead(c.occurred_at) over w as next_at, row_number() over w as k
      from stock_movement c
      where c.establishment_id = ${establishmentId} and c.kind = 'count' and ${keep} ${only('c.drink_id')}
      window w as (partition by c.drink_id order by c.occurred_at, c.seq)
    ),
    b as materialized (
      select i.n, i.at, d.id as drink_id, lc.quantity, lc.occurred_at as base_at, lc.seq,
        coalesce(lc.occurred_at, fc.occurred_at, '-infinity') as base
      from unnest(${ats}) with ordinality as i(at, n)
      cross join drink d
      left join c lc on lc.drink_id = d.id and lc.occurred_at <= i.at and (lc.next_at is null or lc.next_at > i.at)
      left join c fc on fc.drink_id = d.id and fc.k = 1
      where d.establishment_id = ${establishmentId} ${only('d.id')}
    ),
    mv as (
      select b.n, b.drink_id, sum(case m.kind when 'loss' then -m.quantity else m.quantity end) as delta
      from b
      join stock_movement m on m.establishment_id = ${establishmentId} and m.drink_id = b.drink_id
      where m.kind <> 'count' and m.occurred_at <= b.at and m.occurred_at >= coalesce(b.base_at, '-infinity')
        and (b.seq is null or (m.occurred_at, m.seq) > (b.base_at, b.seq))
      group by b.n, b.drink_id
    ),
    -- Links joined as a set first: one index probe per linked product and instant is left, on sale_product_day.
    sl as (
      select bl.n, bl.drink_id, sum(bl.factor * x.q) as sold
      from (
        select b.n, b.drink_id, b.base, b.at, l.till_product_id, l.factor
        from b join till_link l on l.establishment_id = ${establishmentId} and l.drink_id = b.drink_id
      ) bl
      cross join lateral (
        ${productSoldBetween(establishmentId, sql`bl.till_product_id`, sql`bl.base`, sql`bl.at`)}
      ) x
      group by bl.n, bl.drink_id
    )
    select b.n, b.drink_id,
      round(coalesce(b.quantity, 0) + coalesce(mv.delta, 0) - coalesce(sl.sold, 0), 3) as quantity, b.base_at
    from b
    left join mv on mv.n = b.n and mv.drink_id = b.drink_id
    left join sl on sl.n = b.n and sl.drink_id = b.drink_id
  `.execute(db);
  const out: StockAtRow[][] = instants.map(() => []);
  for (const r of rows.rows)
    out[Number(r.n) - 1]?.push({ drinkId: r.drink_id, quantity: Number(r.quantity), baseAt: r.base_at });
  return out;
}
