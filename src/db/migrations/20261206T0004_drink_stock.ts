import { sql, type Kysely } from 'kysely';

// A per-drink stock summary (DESIGN §4 rule, evaluated on write), kept by statement triggers on every table the
// rule reads, so that no write path (import, movement, count, link, break, demo, CLI) can forget it.

/** The §4 rule for the given drinks: last count + movements after it − linked sales × factor after it. */
const RULE = `
  select d.establishment_id, d.id as drink_id,
    round(coalesce(lc.quantity, 0) + mv.delta - sl.sold, 3) as stock, lc.occurred_at as last_count_at
  from (select distinct u.e, u.d from unnest(ests, drinks) as u(e, d)) k
  join drink d on d.establishment_id = k.e and d.id = k.d
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
  ) mv on true
  left join lateral (
    select coalesce(sum(s.quantity * l.factor), 0) as sold
    from till_link l
    join sale_line s on s.establishment_id = l.establishment_id and s.till_product_id = l.till_product_id
    where l.establishment_id = d.establishment_id and l.drink_id = d.id
      and (lc.occurred_at is null or s.sold_at > lc.occurred_at)
  ) sl on true`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table drink_stock (
      establishment_id uuid not null,
      drink_id uuid not null,
      stock numeric(14,3) not null,
      last_count_at timestamptz,
      primary key (establishment_id, drink_id),
      foreign key (establishment_id, drink_id) references drink (establishment_id, id) on delete cascade
    )`.execute(db);
  await sql`create index drink_stock_order_idx on drink_stock (establishment_id, stock)`.execute(db);
  // Rows are created then locked in one order, so concurrent writers queue on a drink instead of overwriting
  // each other; the recompute then reads a snapshot that includes whoever committed before (READ COMMITTED).
  await sql`
    create function cellier_refresh_drink_stock(ests uuid[], drinks uuid[]) returns void
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
      from (${sql.raw(RULE)}) r
      where s.establishment_id = r.establishment_id and s.drink_id = r.drink_id
        and (s.stock, s.last_count_at) is distinct from (r.stock, r.last_count_at);
    end $fn$`.execute(db);
  // One function per table; the branch reads only the transition tables its event defines.
  await sql`
    create function cellier_drink_stock_movement() returns trigger language plpgsql as $fn$
    declare ests uuid[]; drinks uuid[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(n.establishment_id), array_agg(n.drink_id) into ests, drinks from new_rows n;
      elsif tg_op = 'DELETE' then
        select array_agg(o.establishment_id), array_agg(o.drink_id) into ests, drinks from old_rows o;
      else
        select array_agg(x.e), array_agg(x.d) into ests, drinks from (
          select n.establishment_id as e, n.drink_id as d from new_rows n
          union select o.establishment_id, o.drink_id from old_rows o) x;
      end if;
      perform cellier_refresh_drink_stock(ests, drinks);
      return null;
    end $fn$`.execute(db);
  await sql`
    create function cellier_drink_stock_sale() returns trigger language plpgsql as $fn$
    declare ests uuid[]; drinks uuid[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(l.establishment_id), array_agg(l.drink_id) into ests, drinks from till_link l
        where (l.establishment_id, l.till_product_id) in (select n.establishment_id, n.till_product_id from new_rows n);
      elsif tg_op = 'DELETE' then
        select array_agg(l.establishment_id), array_agg(l.drink_id) into ests, drinks from till_link l
        where (l.establishment_id, l.till_product_id) in (select o.establishment_id, o.till_product_id from old_rows o);
      else
        select array_agg(l.establishment_id), array_agg(l.drink_id) into ests, drinks from till_link l
        where (l.establishment_id, l.till_product_id) in (
          select n.establishment_id, n.till_product_id from new_rows n
          union select o.establishment_id, o.till_product_id from old_rows o);
      end if;
      perform cellier_refresh_drink_stock(ests, drinks);
      return null;
    end $fn$`.execute(db);
  for (const [table, fn] of [
    ['stock_movement', 'cellier_drink_stock_movement'],
    ['till_link', 'cellier_drink_stock_movement'],
    ['sale_line', 'cellier_drink_stock_sale'],
  ] as const) {
    await sql`${sql.raw(`
      create trigger ${table}_stock_ins after insert on ${table}
        referencing new table as new_rows for each statement execute function ${fn}()`)}`.execute(db);
    await sql`${sql.raw(`
      create trigger ${table}_stock_del after delete on ${table}
        referencing old table as old_rows for each statement execute function ${fn}()`)}`.execute(db);
    await sql`${sql.raw(`
      create trigger ${table}_stock_upd after update on ${table}
        referencing old table as old_rows new table as new_rows for each statement execute function ${fn}()`)}`.execute(
      db,
    );
  }
  await sql`
    select cellier_refresh_drink_stock(array_agg(establishment_id), array_agg(id)) from drink`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['stock_movement', 'till_link', 'sale_line'])
    for (const event of ['ins', 'del', 'upd'])
      await sql`${sql.raw(`drop trigger if exists ${table}_stock_${event} on ${table}`)}`.execute(db);
  await sql`drop function if exists cellier_drink_stock_sale()`.execute(db);
  await sql`drop function if exists cellier_drink_stock_movement()`.execute(db);
  await sql`drop function if exists cellier_refresh_drink_stock(uuid[], uuid[])`.execute(db);
  await sql`drop table if exists drink_stock`.execute(db);
}
