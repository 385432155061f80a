import { sql, type Kysely } from 'kysely';

// The first cellier_refresh_sale_product_day (migration 20261206T0610) matched the keys with
// `(…) in (select … from unnest(…))`, which PostgreSQL ran as a nested loop: a statement touching 200,000
// product-days (a bulk load, a year of sales file) took minutes. It now joins the distinct keys, and marks a key
// left without lines (lines = 0) in the same update that recomputes the others, so the delete needs no probe.

const BODY = `
    begin
      if coalesce(cardinality(ests), 0) = 0 then return; end if;
      insert into sale_product_day (establishment_id, till_product_id, business_day, label, quantity, amount_cents,
        discount_cents, lines, first_sold_at, last_sold_at)
      select k.e, k.p, k.d, '', 0, 0, 0, 0, now(), now()
      from (select distinct u.e, u.p, u.d from unnest(ests, products, days) as u(e, p, d)) k
      order by k.e, k.p, k.d
      on conflict do nothing;
      perform 1 from sale_product_day t
      join (select distinct u.e, u.p, u.d from unnest(ests, products, days) as u(e, p, d)) k
        on t.establishment_id = k.e and t.till_product_id = k.p and t.business_day = k.d
      order by t.establishment_id, t.till_product_id, t.business_day for update of t;
      -- A key without lines gets lines = 0, then goes.
      update sale_product_day t
      set label = a.label, quantity = a.quantity, amount_cents = a.amount_cents,
        amount_excl_tax_cents = a.amount_excl_tax_cents, discount_cents = a.discount_cents, lines = a.lines,
        first_sold_at = a.first_sold_at, last_sold_at = a.last_sold_at
      from (
        select k.e, k.p, k.d,
          coalesce((array_agg(s.label order by s.sold_at desc, s.ticket_id desc, s.line_id desc))[1], '') as label,
          coalesce(sum(s.quantity), 0) as quantity, coalesce(sum(s.amount_cents), 0) as amount_cents,
          sum(s.amount_excl_tax_cents) as amount_excl_tax_cents,
          coalesce(sum(s.discount_cents), 0) as discount_cents, count(s.ticket_id)::int as lines,
          coalesce(min(s.sold_at), now()) as first_sold_at, coalesce(max(s.sold_at), now()) as last_sold_at
        from (select distinct u.e, u.p, u.d from unnest(ests, products, days) as u(e, p, d)) k
        left join sale_line s on s.establishment_id = k.e and s.till_product_id = k.p and s.business_day = k.d
        group by k.e, k.p, k.d
      ) a
      where t.establishment_id = a.e and t.till_product_id = a.p and t.business_day = a.d
        and (t.label, t.quantity, t.amount_cents, t.amount_excl_tax_cents, t.discount_cents, t.lines,
          t.first_sold_at, t.last_sold_at) is distinct from (a.label, a.quantity, a.amount_cents,
          a.amount_excl_tax_cents, a.discount_cents, a.lines, a.first_sold_at, a.last_sold_at);
      delete from sale_product_day t
      using (select distinct u.e, u.p, u.d from unnest(ests, products, days) as u(e, p, d)) k
      where t.establishment_id = k.e and t.till_product_id = k.p and t.business_day = k.d and t.lines = 0;
    end `;

const PREVIOUS = `
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
        select k.e, k.p, k.d, (array_agg(s.label order by s.sold_at desc, s.ticket_id desc, s.line_id desc))[1] as label, sum(s.quantity) as quantity, sum(s.amount_cents) as amount_cents,
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
    end `;

const define = (body: string) =>
  `create or replace function cellier_refresh_sale_product_day(ests uuid[], products uuid[], days date[])
    returns void language plpgsql as $fn$${body}$fn$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`${sql.raw(define(BODY))}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`${sql.raw(define(PREVIOUS))}`.execute(db);
}
