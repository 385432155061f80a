import { sql, type Kysely } from 'kysely';
import { copyClientOf, copyRows } from '../copyClients.ts';
import type { Database } from '../schema.ts';
import type { SaleLineValues } from './saleLines.ts';

type Db = Kysely<Database>;

export type DayLineValues = SaleLineValues & { businessDay: string };
type Scope = { establishmentId: string; tillId: string; runId: string };
type DayMergeCounts = {
  day: string;
  /** Lines the till held for that day before the merge. */
  before: number;
  added: number;
  changed: number;
  removed: number;
};

/** One writer per establishment, till and business day (the keys of `lockNight`), taken in day order. */
export async function lockNights(
  db: Db,
  establishmentId: string,
  tillId: string,
  days: readonly string[],
): Promise<void> {
  const sorted = [...days].sort();
  await sql`
    select pg_advisory_xact_lock(hashtext(${`import:${establishmentId}:${tillId}:`} || d))
    from unnest(${sorted}::text[]) with ordinality as u(d, i) order by i`.execute(db);
}

const STAGE_COLUMNS =
  'business_day, ticket_id, line_id, till_product_id, sold_at, label, quantity, amount_cents, ' +
  'amount_excl_tax_cents, discount_cents';

/**
 * Writes lines into `sale_line` (with the scope's establishment, till and run) or into the staging table: COPY
 * FROM STDIN on a PostgreSQL server, array inserts of 5,000 lines on PGlite.
 */
async function writeRows(
  trx: Db,
  into: { table: 'sale_line'; scope: Scope } | { table: 'sale_file_stage' },
  lines: readonly DayLineValues[],
): Promise<void> {
  const head = into.table === 'sale_line' ? [into.scope.establishmentId, into.scope.tillId] : [];
  const tail = into.table === 'sale_line' ? [into.scope.runId] : [];
  const columns =
    into.table === 'sale_line'
      ? `sale_line (establishment_id, till_id, ${STAGE_COLUMNS}, import_run_id)`
      : `sale_file_stage (${STAGE_COLUMNS})`;
  const client = await copyClientOf(trx);
  if (client) {
    await copyRows(
      client,
      columns,
      lines.map((l) => [
        ...head,
        l.businessDay,
        l.ticketId,
        l.lineId,
        l.tillProductId,
        l.soldAt.toISOString(),
        l.label,
        l.quantity,
        l.amountCents,
        l.amountExclTaxCents,
        l.discountCents,
        ...tail,
      ]),
    );
    return;
  }
  const scoped = into.table === 'sale_line' ? into.scope : null;
  for (let i = 0; i < lines.length; i += 5000) {
    const chunk = lines.slice(i, i + 5000);
    const values = sql`
      unnest(
        ${chunk.map((l) => l.businessDay)}::date[],
        ${chunk.map((l) => l.ticketId)}::text[],
        ${chunk.map((l) => l.lineId)}::text[],
        ${chunk.map((l) => l.tillProductId)}::uuid[],
        ${chunk.map((l) => l.soldAt.toISOString())}::timestamptz[],
        ${chunk.map((l) => l.label)}::text[],
        ${chunk.map((l) => String(l.quantity))}::numeric[],
        ${chunk.map((l) => l.amountCents)}::int[],
        ${chunk.map((l) => l.amountExclTaxCents)}::int[],
        ${chunk.map((l) => l.discountCents)}::int[]
      ) as t`;
    if (scoped)
      await sql`
        insert into ${sql.raw(columns)}
        select ${scoped.establishmentId}::uuid, ${scoped.tillId}::uuid, t.*, ${scoped.runId}::uuid
        from ${values}`.execute(trx);
    else await sql`insert into ${sql.raw(columns)} select * from ${values}`.execute(trx);
  }
}

async function stage(trx: Db, lines: readonly DayLineValues[]): Promise<void> {
  await sql`
    create temporary table if not exists sale_file_stage (
      business_day date not null, ticket_id text not null, line_id text not null, till_product_id uuid not null,
      sold_at timestamptz not null, label text not null, quantity numeric(12,3) not null,
      amount_cents integer not null, amount_excl_tax_cents integer, discount_cents integer,
      primary key (business_day, ticket_id, line_id)
    ) on commit drop`.execute(trx);
  await sql`truncate sale_file_stage`.execute(trx);
  await writeRows(trx, { table: 'sale_file_stage' }, lines);
}

async function storedCounts(trx: Db, scope: Scope, days: readonly string[]): Promise<Map<string, number>> {
  const { rows } = await sql<{ day: string; n: number }>`
    select to_char(business_day, 'YYYY-MM-DD') as day, count(*)::int as n from sale_line
    where establishment_id = ${scope.establishmentId} and till_id = ${scope.tillId}
      and business_day = any(${[...days]}::date[])
    group by business_day`.execute(trx);
  return new Map(rows.map((r) => [r.day, r.n]));
}

/**
 * Makes each of `days` hold exactly `lines` for the till. A day the till has no line for yet gets its lines
 * written straight into `sale_line` (COPY on a PostgreSQL server: a year of a busy bar is one stream). The other
 * days are merged in one statement: their lines are staged into a temporary table dropped at commit, then what
 * the file no longer has is deleted, what differs is corrected and what is new is inserted. Days outside `days`
 * are untouched; nothing is written when nothing differs. `lines` must hold one line per (day, ticket, line id),
 * and the caller must hold the days' locks (`lockNights`).
 */
export async function mergeFileDays(
  trx: Db,
  scope: Scope,
  days: readonly string[],
  lines: readonly DayLineValues[],
): Promise<DayMergeCounts[]> {
  const stored = await storedCounts(trx, scope, days);
  const fresh = lines.filter((l) => !stored.has(l.businessDay));
  await writeRows(trx, { table: 'sale_line', scope }, fresh);
  const counts = new Map<string, DayMergeCounts>(
    days.map((day) => [day, { day, before: stored.get(day) ?? 0, added: 0, changed: 0, removed: 0 }]),
  );
  for (const l of fresh) {
    const c = counts.get(l.businessDay);
    if (c) c.added++;
  }
  if (stored.size > 0) {
    const merged = await mergeStoredDays(
      trx,
      scope,
      [...stored.keys()],
      lines.filter((l) => stored.has(l.businessDay)),
    );
    for (const m of merged) counts.set(m.day, m);
  }
  return [...counts.values()].sort((a, b) => a.day.localeCompare(b.day));
}

async function mergeStoredDays(
  trx: Db,
  scope: Scope,
  days: readonly string[],
  lines: readonly DayLineValues[],
): Promise<DayMergeCounts[]> {
  await stage(trx, lines);
  const { establishmentId: e, tillId: t, runId } = scope;
  const { rows } = await sql<DayMergeCounts>`
    with target as (select unnest(${[...days]}::date[]) as day),
    before as (
      select s.business_day as day, count(*)::int as n from sale_line s
      where s.establishment_id = ${e} and s.till_id = ${t} and s.business_day in (select day from target)
      group by 1
    ), removed as (
      delete from sale_line s
      where s.establishment_id = ${e} and s.till_id = ${t} and s.business_day in (select day from target)
        and not exists (
          select 1 from sale_file_stage n
          where n.business_day = s.business_day and n.ticket_id = s.ticket_id and n.line_id = s.line_id)
      returning s.business_day as day
    ), changed as (
      update sale_line s set till_product_id = n.till_product_id, sold_at = n.sold_at, label = n.label,
        quantity = n.quantity, amount_cents = n.amount_cents, amount_excl_tax_cents = n.amount_excl_tax_cents,
        discount_cents = n.discount_cents, import_run_id = ${runId}
      from sale_file_stage n
      where s.establishment_id = ${e} and s.till_id = ${t} and s.business_day = n.business_day
        and s.ticket_id = n.ticket_id and s.line_id = n.line_id
        and (s.till_product_id, s.sold_at, s.label, s.quantity, s.amount_cents, s.amount_excl_tax_cents,
          s.discount_cents) is distinct from (n.till_product_id, n.sold_at, n.label, n.quantity, n.amount_cents,
          n.amount_excl_tax_cents, n.discount_cents)
      returning s.business_day as day
    ), added as (
      insert into sale_line (establishment_id, till_id, business_day, ticket_id, line_id, till_product_id,
        sold_at, label, quantity, amount_cents, amount_excl_tax_cents, discount_cents, import_run_id)
      select ${e}::uuid, ${t}::uuid, n.business_day, n.ticket_id, n.line_id, n.till_product_id, n.sold_at,
        n.label, n.quantity, n.amount_cents, n.amount_excl_tax_cents, n.discount_cents, ${runId}::uuid
      from sale_file_stage n
      where not exists (
        select 1 from sale_line s
        where s.establishment_id = ${e} and s.till_id = ${t} and s.business_day = n.business_day
          and s.ticket_id = n.ticket_id and s.line_id = n.line_id)
      returning business_day as day
    )
    select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(b.n, 0)::int as before,
      coalesce(a.n, 0)::int as added, coalesce(c.n, 0)::int as changed, coalesce(r.n, 0)::int as removed
    from target d
      left join before b on b.day = d.day
      left join (select day, count(*) as n from added group by 1) a on a.day = d.day
      left join (select day, count(*) as n from changed group by 1) c on c.day = d.day
      left join (select day, count(*) as n from removed group by 1) r on r.day = d.day
    order by d.day`.execute(trx);
  return rows;
}
