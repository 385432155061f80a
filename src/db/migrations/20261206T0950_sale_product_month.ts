import { sql, type Kysely } from 'kysely';

// Per till product and month of business days, the sums of its sale_product_day rows (migration 20261206T0610), so
// that a report over months reads one row per product and month instead of one per day. Kept by statement triggers on
// sale_product_day that add what a statement inserted and take off what it updated away or deleted, under the month
// row's lock (concurrent writers add up, as sale_product_total does). Day rows with lines = 0 are the day trigger's
// placeholders and count for nothing. first_sold_at / last_sold_at widen on insert; a removed day recomputes them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sale_product_month (
      establishment_id uuid not null,
      till_product_id uuid not null,
      month date not null,
      quantity numeric(16,3) not null,
      amount_cents bigint not null,
      amount_excl_tax_cents bigint not null,
      days integer not null,
      first_sold_at timestamptz not null,
      last_sold_at timestamptz not null,
      primary key (establishment_id, till_product_id, month)
    )`.execute(db);
  await sql`create index sale_product_month_month_idx on sale_product_month (establishment_id, month)`.execute(
    db,
  );
  const rows = (table: string, sign: string) => `
        select r.establishment_id as e, r.till_product_id as p, date_trunc('month', r.business_day)::date as m,
          ${sign}r.quantity as q, ${sign}r.amount_cents as a, ${sign}coalesce(r.amount_excl_tax_cents, 0) as x,
          ${sign}1 as n, r.first_sold_at as f, r.last_sold_at as l, ${sign}1 > 0 as plus
        from ${table} r where r.lines > 0`;
  const apply = (source: string) => `
      with d as (${source})
      insert into sale_product_month as x (establishment_id, till_product_id, month, quantity, amount_cents,
        amount_excl_tax_cents, days, first_sold_at, last_sold_at)
      select e, p, m, sum(q), sum(a), sum(x), sum(n), coalesce(min(f) filter (where plus), 'infinity'),
        coalesce(max(l) filter (where plus), '-infinity')
      from d group by e, p, m order by e, p, m
      on conflict (establishment_id, till_product_id, month) do update
        set quantity = x.quantity + excluded.quantity, amount_cents = x.amount_cents + excluded.amount_cents,
          amount_excl_tax_cents = x.amount_excl_tax_cents + excluded.amount_excl_tax_cents,
          days = x.days + excluded.days, first_sold_at = least(x.first_sold_at, excluded.first_sold_at),
          last_sold_at = greatest(x.last_sold_at, excluded.last_sold_at);
      delete from sale_product_month x
      using (select distinct e, p, m from (${source}) d where not d.plus) k
      where x.establishment_id = k.e and x.till_product_id = k.p and x.month = k.m and x.days = 0;
      update sale_product_month x
      set first_sold_at = b.f, last_sold_at = b.l
      from (
        select k.e, k.p, k.m, min(t.first_sold_at) as f, max(t.last_sold_at) as l
        from (select distinct e, p, m from (${source}) d where not d.plus) k
        join sale_product_day t on t.establishment_id = k.e and t.till_product_id = k.p
          and t.business_day >= k.m and t.business_day < (k.m + interval '1 month')::date and t.lines > 0
        group by k.e, k.p, k.m
      ) b
      where x.establishment_id = b.e and x.till_product_id = b.p and x.month = b.m`;
  await sql`${sql.raw(`
    create function cellier_sale_product_month_trigger() returns trigger language plpgsql as $fn$
    begin
      if tg_op = 'INSERT' then
        ${apply(rows('new_rows', ''))};
      elsif tg_op = 'DELETE' then
        ${apply(rows('old_rows', '-'))};
      else
        ${apply(`${rows('new_rows', '')} union all ${rows('old_rows', '-')}`)};
      end if;
      return null;
    end $fn$`)}`.execute(db);
  await sql`
    create trigger sale_product_day_month_ins after insert on sale_product_day
      referencing new table as new_rows for each statement execute function cellier_sale_product_month_trigger()`.execute(
    db,
  );
  await sql`
    create trigger sale_product_day_month_del after delete on sale_product_day
      referencing old table as old_rows for each statement execute function cellier_sale_product_month_trigger()`.execute(
    db,
  );
  await sql`
    create trigger sale_product_day_month_upd after update on sale_product_day
      referencing old table as old_rows new table as new_rows
      for each statement execute function cellier_sale_product_month_trigger()`.execute(db);
  await sql`
    insert into sale_product_month (establishment_id, till_product_id, month, quantity, amount_cents,
      amount_excl_tax_cents, days, first_sold_at, last_sold_at)
    select establishment_id, till_product_id, date_trunc('month', business_day)::date, sum(quantity),
      sum(amount_cents), coalesce(sum(amount_excl_tax_cents), 0), count(*), min(first_sold_at), max(last_sold_at)
    from sale_product_day where lines > 0
    group by 1, 2, 3`.execute(db);
  // Fresh statistics: without them the reports planned this table as one row and probed it 60,000 times.
  await sql`analyze sale_product_month`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const event of ['ins', 'del', 'upd'])
    await sql`${sql.raw(`drop trigger if exists sale_product_day_month_${event} on sale_product_day`)}`.execute(
      db,
    );
  await sql`drop function if exists cellier_sale_product_month_trigger()`.execute(db);
  await sql`drop table if exists sale_product_month`.execute(db);
}
