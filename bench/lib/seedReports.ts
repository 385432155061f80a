// Seeds the reports benchmark in SQL (generate_series), so millions of sale lines load in one statement per chunk.
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { insertAccount } from '../../src/db/repositories/accounts.ts';
import { insertMembership } from '../../src/db/repositories/establishments.ts';
import { ensureSaleLinePartition } from '../../src/db/repositories/saleLines.ts';
import { rebuildSaleSummary } from '../../src/db/repositories/saleSummary.ts';
import { rebuildDrinkStock } from '../../src/db/repositories/stockQuery.ts';
import type { Database } from '../../src/db/schema.ts';

export type ReportsSeed = { establishmentId: string; actorId: string; lastSessionId: string; seedMs: number };

const TYPES = ['wine', 'wine', 'wine', 'champagne', 'spirit', 'beer', 'sparkling', 'fortified'];
const START = '2025-12-01';
const DAYS = 365;
const SESSIONS = 12;
const CHUNK = 250_000;

export async function seedReports(
  h: DatabaseHandle,
  opts: { drinks: number; lines: number; log: (s: string) => void },
): Promise<ReportsSeed> {
  const t0 = performance.now();
  const db = h.db;
  await migrateToLatest(db);
  const est = await db
    .insertInto('establishment')
    .values({ name: 'Bench rapports' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const e = est.id;
  const actorId = (
    await insertAccount(db, {
      email: 'bench@cellier.test',
      passwordHash: 'x',
      displayName: null,
      locale: 'fr',
    })
  ).id;
  await insertMembership(db, { establishmentId: e, accountId: actorId, role: 'owner' });
  const till = await db
    .insertInto('till_connection')
    .values({
      establishment_id: e,
      till_type: 'asterio',
      domain: 'https://bench-1.myasterio.com',
      kmlcode: 'bench-1',
      site_code: 'SID',
      identifier: 'BENCH',
      password_encrypted: 'x',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const types = sql.raw(`array[${TYPES.map((t) => `'${t}'`).join(',')}]`);
  await sql`
    insert into drink (establishment_id, type, colour, producer, vintage, format_cl, location, search_text)
    select ${e}, (${types})[1 + g % ${TYPES.length}::int], case when g % 8 < 3 then 'rouge' end,
      'Domaine ' || g, 2015 + g % 9, case when g % 8 = 5 then 33 else 75 end,
      case when g % 3 = 0 then 'Bar' else 'Cave' end, 'domaine ' || g
    from generate_series(1, ${opts.drinks}::int) g`.execute(db);
  await sql`
    insert into till_product (establishment_id, till_id, external_id, label, family, vat_rate, price_cents,
      first_seen_on, last_seen_on)
    select ${e}, ${till.id}, d.n::text, 'BTL ' || d.producer, 'VINS', 20, 2400 + (d.n % 50) * 100,
      ${START}::date, ${START}::date + ${DAYS - 1}::int
    from (select producer, row_number() over (order by producer) as n from drink where establishment_id = ${e}) d`.execute(
    db,
  );
  await sql`
    insert into till_link (establishment_id, till_product_id, drink_id, factor)
    select ${e}, p.id, d.id, 1 from till_product p join drink d
      on d.establishment_id = p.establishment_id and 'BTL ' || d.producer = p.label
    where p.establishment_id = ${e}`.execute(db);
  // An opening count, then a receipt each month at a moving price, with its CMUP row.
  await sql`
    insert into stock_movement (establishment_id, drink_id, kind, quantity, occurred_at)
    select ${e}, id, 'count', 60, ${START}::timestamptz from drink where establishment_id = ${e}`.execute(db);
  await sql`
    insert into stock_movement (establishment_id, drink_id, kind, quantity, occurred_at, unit_cost_cents, supplier)
    select ${e}, d.id, 'receipt', 40, ${START}::timestamptz + (m || ' months')::interval + interval '10 hours',
      800 + (m * 10) + (row_number() over (partition by m order by d.id)) % 400, 'Bench'
    from drink d cross join generate_series(0, 11) m where d.establishment_id = ${e}`.execute(db);
  await sql`
    insert into drink_cost (establishment_id, drink_id, valid_from, unit_cost_cents, stock_before, received,
      receipt_price_cents)
    select establishment_id, drink_id, occurred_at, unit_cost_cents, 30, quantity, unit_cost_cents
    from stock_movement where establishment_id = ${e} and kind = 'receipt'`.execute(db);
  opts.log(`  ${opts.drinks} drinks, 12 receipts each: ${Math.round(performance.now() - t0)} ms`);

  // A year of nightly sales: lines spread over the days, one product each, evening ticket times, in the monthly
  // partitions the importer creates (never the default one).
  for (let m = 0; m < 13; m += 1) {
    const [y, mo] = START.split('-').map(Number) as [number, number];
    const month = new Date(Date.UTC(y, mo - 1 + m, 1)).toISOString().slice(0, 10);
    await ensureSaleLinePartition(db, month);
  }
  // The lines go in with the summaries' triggers off (one connection, replica role), then both summaries are
  // rebuilt from them as `cellier stock rebuild` does: the same rows, without recomputing them per chunk.
  const perDay = Math.max(1, Math.floor(opts.lines / DAYS));
  await db.connection().execute(async (c) => {
    await sql`set session_replication_role = replica`.execute(c);
    try {
      await insertSales(c, e, till.id, perDay, opts);
    } finally {
      await sql`set session_replication_role = default`.execute(c);
    }
  });
  let t1 = performance.now();
  await rebuildSaleSummary(db, e);
  opts.log(`  sale_product_day rebuilt: ${Math.round(performance.now() - t1)} ms`);
  t1 = performance.now();
  await rebuildDrinkStock(db, e);
  opts.log(`  drink_stock rebuilt: ${Math.round(performance.now() - t1)} ms`);

  // Twelve closed monthly inventaires, each counting every drink once.
  await sql`
    insert into count_session (establishment_id, name, cutoff_at, scope_kind, scope_types, status, created_by,
      closed_at, closed_by)
    select ${e}, 'Inventaire ' || m, ${START}::timestamptz + ((m + 1) || ' months')::interval - interval '2 hours',
      'all', '{}', 'closed', ${actorId}, ${START}::timestamptz + ((m + 1) || ' months')::interval, ${actorId}
    from generate_series(0, ${SESSIONS - 1}::int) m`.execute(db);
  await sql`
    insert into count_line (establishment_id, session_id, drink_id, location, quantity, counted_by, counted_at)
    select ${e}, s.id, d.id, coalesce(d.location, 'Cave'), 30 + (abs(hashtext(d.id::text || s.id::text)) % 40),
      ${actorId}, s.cutoff_at
    from count_session s cross join drink d where s.establishment_id = ${e} and d.establishment_id = ${e}`.execute(
    db,
  );
  await sql`
    insert into stock_movement (establishment_id, drink_id, kind, quantity, occurred_at, account_id, count_session_id)
    select l.establishment_id, l.drink_id, 'count', l.quantity, s.cutoff_at, ${actorId}, s.id
    from count_line l join count_session s on s.establishment_id = l.establishment_id and s.id = l.session_id
    where l.establishment_id = ${e}`.execute(db);
  const last = await db
    .selectFrom('count_session')
    .select('id')
    .where('establishment_id', '=', e)
    .orderBy('cutoff_at', 'desc')
    .executeTakeFirstOrThrow();
  await sql`analyze`.execute(db);
  return { establishmentId: e, actorId, lastSessionId: last.id, seedMs: performance.now() - t0 };
}

/** A database seeded earlier (`bench:reports -- --keep`): its establishment, owner and last inventaire. */
export async function findReportsSeed(h: DatabaseHandle): Promise<ReportsSeed> {
  const row = await sql<{ e: string; a: string; s: string }>`
    select e.id as e, m.account_id as a,
      (select id from count_session c where c.establishment_id = e.id order by cutoff_at desc limit 1) as s
    from establishment e join membership m on m.establishment_id = e.id
    where e.name = 'Bench rapports' limit 1`.execute(h.db);
  const r = row.rows[0];
  if (!r) throw new Error('Pas de base de banc rapports ici');
  await migrateToLatest(h.db);
  return { establishmentId: r.e, actorId: r.a, lastSessionId: r.s, seedMs: 0 };
}

async function insertSales(
  c: Kysely<Database>,
  e: string,
  tillId: string,
  perDay: number,
  opts: { drinks: number; lines: number; log: (s: string) => void },
): Promise<void> {
  for (let from = 0; from < opts.lines; from += CHUNK) {
    const to = Math.min(opts.lines, from + CHUNK) - 1;
    const t = performance.now();
    await sql`
      insert into sale_line (establishment_id, till_id, business_day, ticket_id, line_id, till_product_id, sold_at,
        label, quantity, amount_cents, amount_excl_tax_cents, discount_cents)
      select ${e}, ${tillId}, day, 'T' || g, '1', p.id,
        ((day + time '18:00' + ((g % 300) || ' minutes')::interval) at time zone 'Europe/Paris'),
        p.label, 1, p.price_cents, round(p.price_cents / 1.2), 0
      from (select g, ${START}::date + least(g / ${perDay}::int, ${DAYS - 1}::int) as day from generate_series(${from}::int, ${to}::int) g) s
      join (select id, label, price_cents, row_number() over (order by external_id) - 1 as n
            from till_product where establishment_id = ${e}) p on p.n = s.g % ${opts.drinks}::int`.execute(c);
    opts.log(`  sale lines ${to + 1}/${opts.lines}: ${Math.round(performance.now() - t)} ms`);
  }
}
