import { sql, type Kysely } from 'kysely';

// Per till product and business day, the sum of its sale lines (docs/scaling.md): the work list, the proposal, the
// Ventes tab and the reports read one row per product-day instead of every line. Statement triggers with
// transition tables on `sale_line` recompute exactly the (establishment, product, day) keys a statement touched,
// from sale_line itself, in the same transaction; a key left without lines loses its row. first_sold_at and
// last_sold_at bound the day's lines, so a sold_at window is summed exactly: whole rows inside it from here, the
// rows it cuts from sale_line (linkedSalesBetween in src/db/repositories/saleSummary.ts).

/** The label the till printed on the day's last line (the Ventes tab shows it): latest sold_at, then ticket, line. */
const LAST_LABEL = `(array_agg(s.label order by s.sold_at desc, s.ticket_id desc, s.line_id desc))[1]`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sale_product_day (
      establishment_id uuid not null,
      till_product_id uuid not null,
      business_day date not null,
      label text not null,
      quantity numeric(14,3) not null,
      amount_cents bigint not null,
      amount_excl_tax_cents bigint,
      discount_cents bigint not null,
      lines integer not null,
      first_sold_at timestamptz not null,
      last_sold_at timestamptz not null,
      primary key (establishment_id, till_product_id, business_day)
    )`.execute(db);
  await sql`create index sale_product_day_day_idx on sale_product_day (establishment_id, business_day)`.execute(
    db,
  );
  // Rows are created then locked in one order, so two imports touching the same product-day (two tills, or a
  // correction racing a night) queue on the row; the recompute that follows the lock reads a snapshot including
  // whoever committed first (READ COMMITTED), as cellier_refresh_drink_stock does.
  await sql`
    create function cellier_refresh_sale_product_day(ests uuid[], products uuid[], days date[]) returns void
    language plpgsql as $fn$
    begin
      if coalesce(cardinality(ests), 0) = 0 then return; end if;
      insert into sale_product_day (establishment_id, till_product_id, business_day, label, quantity, amount_cents,
        discount_cents, lines, first_sold_at, last_sold_at)
      select k.e, k.p, k.d, '', 0, 0, 0, 0, now(), now()
      from (select distinct u.e, u.p, u.d from unnest(ests, products, days) as u(e, p, d)) k
      order by k.e, k.p, k.d
      on conflict do nothing;
      perform 1 from sale_product_day t
      where (t.establishment_id, t.till_product_id, t.business_day)
        in (select u.e, u.p, u.d from unnest(ests, products, days) as u(e, p, d))
      order by t.establishment_id, t.till_product_id, t.business_day for update;
      update sale_product_day t
      set label = a.label, quantity = a.quantity, amount_cents = a.amount_cents, amount_excl_tax_cents = a.amount_excl_tax_cents,
        discount_cents = a.discount_cents, lines = a.lines, first_sold_at = a.first_sold_at,
        last_sold_at = a.last_sold_at
      from (
        select k.e, k.p, k.d, ${sql.raw(LAST_LABEL)} as label, sum(s.quantity) as quantity, sum(s.amount_cents) as amount_cents,
          sum(s.amount_excl_tax_cents) as amount_excl_tax_cents,
          coalesce(sum(s.discount_cents), 0) as discount_cents, count(*)::int as lines,
          min(s.sold_at) as first_sold_at, max(s.sold_at) as last_sold_at
        from (select distinct u.e, u.p, u.d from unnest(ests, products, days) as u(e, p, d)) k
        join sale_line s on s.establishment_id = k.e and s.till_product_id = k.p and s.business_day = k.d
        group by k.e, k.p, k.d
      ) a
      where t.establishment_id = a.e and t.till_product_id = a.p and t.business_day = a.d
        and (t.label, t.quantity, t.amount_cents, t.amount_excl_tax_cents, t.discount_cents, t.lines,
          t.first_sold_at, t.last_sold_at) is distinct from (a.label, a.quantity, a.amount_cents,
          a.amount_excl_tax_cents, a.discount_cents, a.lines, a.first_sold_at, a.last_sold_at);
      delete from sale_product_day t
      where (t.establishment_id, t.till_product_id, t.business_day)
        in (select u.e, u.p, u.d from unnest(ests, products, days) as u(e, p, d))
        and not exists (
          select 1 from sale_line s
          where s.establishment_id = t.establishment_id and s.till_product_id = t.till_product_id
            and s.business_day = t.business_day);
    end $fn$`.execute(db);
  // The branch reads only the transition tables its event defines.
  await sql`
    create function cellier_sale_product_day_trigger() returns trigger language plpgsql as $fn$
    declare ests uuid[]; products uuid[]; days date[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(k.e), array_agg(k.p), array_agg(k.d) into ests, products, days from (
          select distinct n.establishment_id as e, n.till_product_id as p, n.business_day as d from new_rows n) k;
      elsif tg_op = 'DELETE' then
        select array_agg(k.e), array_agg(k.p), array_agg(k.d) into ests, products, days from (
          select distinct o.establishment_id as e, o.till_product_id as p, o.business_day as d from old_rows o) k;
      else
        select array_agg(k.e), array_agg(k.p), array_agg(k.d) into ests, products, days from (
          select n.establishment_id as e, n.till_product_id as p, n.business_day as d from new_rows n
          union select o.establishment_id, o.till_product_id, o.business_day from old_rows o) k;
      end if;
      perform cellier_refresh_sale_product_day(ests, products, days);
      return null;
    end $fn$`.execute(db);
  // On the partitioned parent (transition tables are allowed there, not on a partition). Named "day" so that,
  // firing in name order, they run before sale_line_stock_*: the stock recompute may read the fresh summary.
  await sql`
    create trigger sale_line_day_ins after insert on sale_line
      referencing new table as new_rows for each statement execute function cellier_sale_product_day_trigger()`.execute(
    db,
  );
  await sql`
    create trigger sale_line_day_del after delete on sale_line
      referencing old table as old_rows for each statement execute function cellier_sale_product_day_trigger()`.execute(
    db,
  );
  await sql`
    create trigger sale_line_day_upd after update on sale_line
      referencing old table as old_rows new table as new_rows
      for each statement execute function cellier_sale_product_day_trigger()`.execute(db);
  await sql`
    insert into sale_product_day (establishment_id, till_product_id, business_day, label, quantity, amount_cents,
      amount_excl_tax_cents, discount_cents, lines, first_sold_at, last_sold_at)
    select s.establishment_id, s.till_product_id, s.business_day, ${sql.raw(LAST_LABEL)}, sum(s.quantity), sum(s.amount_cents),
      sum(amount_excl_tax_cents), coalesce(sum(discount_cents), 0), count(*), min(sold_at), max(sold_at)
    from sale_line s
    group by s.establishment_id, s.till_product_id, s.business_day`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const event of ['ins', 'del', 'upd'])
    await sql`${sql.raw(`drop trigger if exists sale_line_day_${event} on sale_line`)}`.execute(db);
  await sql`drop function if exists cellier_sale_product_day_trigger()`.execute(db);
  await sql`drop function if exists cellier_refresh_sale_product_day(uuid[], uuid[], date[])`.execute(db);
  await sql`drop table if exists sale_product_day`.execute(db);
}
