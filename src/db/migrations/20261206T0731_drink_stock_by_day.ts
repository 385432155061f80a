import { sql, type Kysely } from 'kysely';

// The stock recompute (cellier_refresh_drink_stock, migration 20261206T0004) read every linked sale line since the
// drink's last count: two years for a drink never recounted. It now reads the per-product daily summary
// (sale_product_day, migration 20261206T0610) for the days wholly after the count, and the lines only of the days
// the count cuts (first_sold_at ≤ count < last_sold_at). The sale_line_day_* triggers fire before
// sale_line_stock_* (name order), so the summary is fresh when the stock is recomputed.

const LAST_COUNT = `
  left join lateral (
    select c.quantity, c.occurred_at, c.seq from stock_movement c
    where c.establishment_id = d.establishment_id and c.drink_id = d.id and c.kind = 'count'
    order by c.occurred_at desc, c.seq desc limit 1
  ) lc on true
  left join lateral (
    select coalesce(sum(case m.kind when 'loss' then -m.quantity when 'count' then 0 else m.quantity end), 0) as delta
    from stock_movement m
    where m.establishment_id = d.establishment_id and m.drink_id = d.id
      and (lc.seq is null or (m.occurred_at, m.seq) > (lc.occurred_at, lc.seq))
  ) mv on true`;

const SOLD_FROM_LINES = `
  left join lateral (
    select coalesce(sum(s.quantity * l.factor), 0) as sold
    from till_link l
    join sale_line s on s.establishment_id = l.establishment_id and s.till_product_id = l.till_product_id
    where l.establishment_id = d.establishment_id and l.drink_id = d.id
      and (lc.occurred_at is null or s.sold_at > lc.occurred_at)
  ) sl on true`;

// A line is sold within two days of its business day (as the reports assume): bounds the days read by index.
const SOLD_FROM_DAYS = `
  left join lateral (
    select coalesce(sum(x.sold), 0) as sold from (
      select t.quantity * l.factor as sold
      from till_link l
      join sale_product_day t on t.establishment_id = l.establishment_id and t.till_product_id = l.till_product_id
      where l.establishment_id = d.establishment_id and l.drink_id = d.id
        and (lc.occurred_at is null
          or (t.business_day >= (lc.occurred_at - interval '2 days')::date and t.first_sold_at > lc.occurred_at))
      union all
      select s.quantity * l.factor
      from till_link l
      join sale_product_day t on t.establishment_id = l.establishment_id and t.till_product_id = l.till_product_id
      join sale_line s on s.establishment_id = t.establishment_id and s.till_product_id = t.till_product_id
        and s.business_day = t.business_day
      where lc.occurred_at is not null and l.establishment_id = d.establishment_id and l.drink_id = d.id
        and t.business_day between (lc.occurred_at - interval '2 days')::date
          and (lc.occurred_at + interval '2 days')::date
        and t.first_sold_at <= lc.occurred_at and t.last_sold_at > lc.occurred_at and s.sold_at > lc.occurred_at
    ) x
  ) sl on true`;

function refresh(sold: string): string {
  return `
    create or replace function cellier_refresh_drink_stock(ests uuid[], drinks uuid[]) returns void
    language plpgsql as $fn$
    begin
      if coalesce(cardinality(drinks), 0) = 0 then return; end if;
      insert into drink_stock (establishment_id, drink_id, stock)
      select k.e, k.d, 0 from (select distinct u.e, u.d from unnest(ests, drinks) as u(e, d)) k
      join drink d on d.establishment_id = k.e and d.id = k.d
      order by k.e, k.d
      on conflict do nothing;
      perform 1 from drink_stock s
      where (s.establishment_id, s.drink_id) in (select u.e, u.d from unnest(ests, drinks) as u(e, d))
      order by s.establishment_id, s.drink_id for update;
      update drink_stock s set stock = r.stock, last_count_at = r.last_count_at
      from (
        select d.establishment_id, d.id as drink_id,
          round(coalesce(lc.quantity, 0) + mv.delta - sl.sold, 3) as stock, lc.occurred_at as last_count_at
        from (select distinct u.e, u.d from unnest(ests, drinks) as u(e, d)) k
        join drink d on d.establishment_id = k.e and d.id = k.d
        ${LAST_COUNT}
        ${sold}
      ) r
      where s.establishment_id = r.establishment_id and s.drink_id = r.drink_id
        and (s.stock, s.last_count_at) is distinct from (r.stock, r.last_count_at);
    end $fn$`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`${sql.raw(refresh(SOLD_FROM_DAYS))}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`${sql.raw(refresh(SOLD_FROM_LINES))}`.execute(db);
}
