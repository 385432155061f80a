import { sql, type Kysely } from 'kysely';

// Per till product, the sums of all its sale lines (the work list sorts every product by what it ever sold): kept
// from sale_product_day (migration 20261206T0610) by statement triggers on it, which add what a statement inserted
// and take off what it updated away or deleted; the first and last sold days are read back from the day rows'
// primary key. Day rows are locked by key before they change, and the totals are incremented under their row lock,
// so concurrent writers add up. A product without a sold day has no row.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sale_product_total (
      establishment_id uuid not null,
      till_product_id uuid not null,
      quantity numeric(16,3) not null,
      amount_cents bigint not null,
      lines bigint not null,
      first_day date,
      last_day date,
      primary key (establishment_id, till_product_id)
    )`.execute(db);
  // Each branch reads only the transition tables its event defines.
  const add = (source: string) => `
        with d as (${source})
        insert into sale_product_total as x (establishment_id, till_product_id, quantity, amount_cents, lines)
        select e, p, sum(q), sum(a), sum(n) from d group by e, p order by e, p
        on conflict (establishment_id, till_product_id) do update
          set quantity = x.quantity + excluded.quantity, amount_cents = x.amount_cents + excluded.amount_cents,
            lines = x.lines + excluded.lines`;
  const plus = `select n.establishment_id as e, n.till_product_id as p, n.quantity as q, n.amount_cents as a,
          n.lines::bigint as n from new_rows n`;
  const minus = `select o.establishment_id as e, o.till_product_id as p, -o.quantity as q, -o.amount_cents as a,
          -o.lines::bigint as n from old_rows o`;
  await sql`${sql.raw(`
    create function cellier_sale_product_total_trigger() returns trigger language plpgsql as $fn$
    declare ests uuid[]; products uuid[];
    begin
      if tg_op = 'INSERT' then
        ${add(plus)};
        select array_agg(k.e), array_agg(k.p) into ests, products from (select distinct e, p from (${plus}) d) k;
      elsif tg_op = 'DELETE' then
        ${add(minus)};
        select array_agg(k.e), array_agg(k.p) into ests, products from (select distinct e, p from (${minus}) d) k;
      else
        ${add(`${plus} union all ${minus}`)};
        select array_agg(k.e), array_agg(k.p) into ests, products
        from (select distinct e, p from (${plus} union all ${minus}) d) k;
      end if;
      if coalesce(cardinality(ests), 0) = 0 then return null; end if;
      update sale_product_total x set
        first_day = (select min(t.business_day) from sale_product_day t where t.establishment_id = x.establishment_id
          and t.till_product_id = x.till_product_id and t.lines > 0),
        last_day = (select max(t.business_day) from sale_product_day t where t.establishment_id = x.establishment_id
          and t.till_product_id = x.till_product_id and t.lines > 0)
      where (x.establishment_id, x.till_product_id) in (select u.e, u.p from unnest(ests, products) as u(e, p));
      delete from sale_product_total x
      where (x.establishment_id, x.till_product_id) in (select u.e, u.p from unnest(ests, products) as u(e, p))
        and x.lines = 0;
      return null;
    end $fn$`)}`.execute(db);
  await sql`
    create trigger sale_product_day_total_ins after insert on sale_product_day
      referencing new table as new_rows for each statement execute function cellier_sale_product_total_trigger()`.execute(
    db,
  );
  await sql`
    create trigger sale_product_day_total_del after delete on sale_product_day
      referencing old table as old_rows for each statement execute function cellier_sale_product_total_trigger()`.execute(
    db,
  );
  await sql`
    create trigger sale_product_day_total_upd after update on sale_product_day
      referencing old table as old_rows new table as new_rows
      for each statement execute function cellier_sale_product_total_trigger()`.execute(db);
  await sql`
    insert into sale_product_total (establishment_id, till_product_id, quantity, amount_cents, lines, first_day,
      last_day)
    select establishment_id, till_product_id, sum(quantity), sum(amount_cents), sum(lines), min(business_day),
      max(business_day)
    from sale_product_day where lines > 0
    group by establishment_id, till_product_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const event of ['ins', 'del', 'upd'])
    await sql`${sql.raw(`drop trigger if exists sale_product_day_total_${event} on sale_product_day`)}`.execute(
      db,
    );
  await sql`drop function if exists cellier_sale_product_total_trigger()`.execute(db);
  await sql`drop table if exists sale_product_total`.execute(db);
}
