import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { copyField, copyLine, copyRows } from '../copyClients.ts';
import type { Database } from '../schema.ts';
import type { SaleLineValues } from './saleLines.ts';

type Db = Kysely<Database>;
export type MergeCounts = { linesNew: number; linesChanged: number; linesRemoved: number };

type Scope = { establishmentId: string; tillId: string; day: string; runId: string };

/** The line's own fields, in the staging table's column order. */
const lineFields = (l: SaleLineValues) =>
  copyLine([
    l.ticketId,
    l.lineId,
    l.tillProductId,
    l.soldAt.toISOString(),
    l.label,
    l.quantity,
    l.amountCents,
    l.amountExclTaxCents,
    l.discountCents,
  ]);

/**
 * PostgreSQL server path. A night with no stored line yet (the first import, every night of a fleet) is
 * streamed by COPY FROM STDIN straight into `sale_line`: nothing to diff, and the caller's advisory lock on
 * (establishment, day) keeps another writer out between the check and the COPY. Otherwise the lines go by COPY
 * into a temporary staging table (dropped at commit), then one statement deletes what the till no longer has,
 * corrects what differs and inserts what is new. `trx` must be the transaction that `client` carries. Nothing is
 * written when nothing differs.
 */
export async function mergeDayLinesByCopy(
  trx: Db,
  client: pg.PoolClient,
  scope: Scope,
  lines: readonly SaleLineValues[],
): Promise<MergeCounts> {
  if (!(await dayHasLines(trx, scope))) {
    if (lines.length > 0) await copyNewDay(client, scope, lines);
    return { linesNew: lines.length, linesChanged: 0, linesRemoved: 0 };
  }
  await sql`
    create temporary table if not exists sale_line_stage (
      ticket_id text not null, line_id text not null, till_product_id uuid not null,
      sold_at timestamptz not null, label text not null, quantity numeric(12,3) not null,
      amount_cents integer not null, amount_excl_tax_cents integer, discount_cents integer,
      primary key (ticket_id, line_id)
    ) on commit drop`.execute(trx);
  await copyRows(client, 'sale_line_stage', lines, lineFields);
  const { establishmentId: e, tillId: t, day: d, runId } = scope;
  const { rows } = await sql<MergeCounts>`
    with removed as (
      delete from sale_line s
      where s.establishment_id = ${e} and s.till_id = ${t} and s.business_day = ${d}
        and not exists (select 1 from sale_line_stage n where n.ticket_id = s.ticket_id and n.line_id = s.line_id)
      returning 1
    ), changed as (
      update sale_line s set till_product_id = n.till_product_id, sold_at = n.sold_at, label = n.label,
        quantity = n.quantity, amount_cents = n.amount_cents, amount_excl_tax_cents = n.amount_excl_tax_cents,
        discount_cents = n.discount_cents, import_run_id = ${runId}
      from sale_line_stage n
      where s.establishment_id = ${e} and s.till_id = ${t} and s.business_day = ${d}
        and s.ticket_id = n.ticket_id and s.line_id = n.line_id
        and (s.till_product_id, s.sold_at, s.label, s.quantity, s.amount_cents, s.amount_excl_tax_cents,
          s.discount_cents) is distinct from (n.till_product_id, n.sold_at, n.label, n.quantity, n.amount_cents,
          n.amount_excl_tax_cents, n.discount_cents)
      returning 1
    ), added as (
      insert into sale_line (establishment_id, till_id, business_day, ticket_id, line_id, till_product_id,
        sold_at, label, quantity, amount_cents, amount_excl_tax_cents, discount_cents, import_run_id)
      select ${e}::uuid, ${t}::uuid, ${d}::date, n.ticket_id, n.line_id, n.till_product_id, n.sold_at, n.label,
        n.quantity, n.amount_cents, n.amount_excl_tax_cents, n.discount_cents, ${runId}::uuid
      from sale_line_stage n
      where not exists (
        select 1 from sale_line s
        where s.establishment_id = ${e} and s.till_id = ${t} and s.business_day = ${d}
          and s.ticket_id = n.ticket_id and s.line_id = n.line_id)
      returning 1
    )
    select (select count(*) from added)::int as "linesNew", (select count(*) from changed)::int as "linesChanged",
      (select count(*) from removed)::int as "linesRemoved"`.execute(trx);
  const counts = rows[0];
  if (!counts) throw new Error('merge returned no counts');
  return counts;
}

async function dayHasLines(trx: Db, { establishmentId, tillId, day }: Scope): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (
      select 1 from sale_line
      where establishment_id = ${establishmentId} and till_id = ${tillId} and business_day = ${day}
    ) as found`.execute(trx);
  return rows[0]?.found ?? true;
}

/** The whole night, new: one COPY into `sale_line` (its triggers see the rows as one statement's). */
async function copyNewDay(client: pg.PoolClient, scope: Scope, lines: readonly SaleLineValues[]) {
  const { establishmentId, tillId, day, runId } = scope;
  const head = `${copyField(establishmentId)}\t${copyField(tillId)}\t${copyField(day)}\t`;
  const tail = `\t${copyField(runId)}\n`;
  await copyRows(
    client,
    `sale_line (establishment_id, till_id, business_day, ticket_id, line_id, till_product_id, sold_at, label,
      quantity, amount_cents, amount_excl_tax_cents, discount_cents, import_run_id)`,
    lines,
    (l) => head + lineFields(l).slice(0, -1) + tail,
  );
}
