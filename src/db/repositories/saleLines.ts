import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

type StoredLineKey = { ticketId: string; lineId: string };
export type SaleLineValues = {
  ticketId: string;
  lineId: string;
  tillProductId: string;
  soldAt: Date;
  label: string;
  quantity: number;
  amountCents: number;
  amountExclTaxCents: number | null;
  discountCents: number | null;
};
export type StoredLine = SaleLineValues;

/** Creates the month's partition before the first line of that month lands (never in the default one). */
export async function ensureSaleLinePartition(db: Db, day: string): Promise<void> {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const from = `${y}-${String(m).padStart(2, '0')}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const name = `sale_line_y${y}m${String(m).padStart(2, '0')}`;
  const exists = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_class where relname = ${name}`.execute(db);
  if ((exists.rows[0]?.n ?? 0) > 0) return;
  // Serialises partition creation between workers; released at commit.
  await sql`select pg_advisory_xact_lock(hashtext('sale_line_partition'))`.execute(db);
  await sql`${sql.raw(`create table if not exists ${name} partition of sale_line for values from ('${from}') to ('${next}')`)}`.execute(
    db,
  );
}

export async function loadDayLines(
  db: Db,
  establishmentId: string,
  tillId: string,
  day: string,
): Promise<Map<string, StoredLine>> {
  const rows = await db
    .selectFrom('sale_line')
    .select([
      'ticket_id',
      'line_id',
      'till_product_id',
      'sold_at',
      'label',
      'quantity',
      'amount_cents',
      'amount_excl_tax_cents',
      'discount_cents',
    ])
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .where('business_day', '=', day)
    .execute();
  return new Map(
    rows.map((r) => [
      lineKey(r.ticket_id, r.line_id),
      {
        ticketId: r.ticket_id,
        lineId: r.line_id,
        tillProductId: r.till_product_id,
        soldAt: r.sold_at,
        label: r.label,
        quantity: Number(r.quantity),
        amountCents: r.amount_cents,
        amountExclTaxCents: r.amount_excl_tax_cents,
        discountCents: r.discount_cents,
      },
    ]),
  );
}

export const lineKey = (ticketId: string, lineId: string): string => `${ticketId}\u0000${lineId}`;

const toRow = (establishmentId: string, tillId: string, day: string, runId: string, l: SaleLineValues) => ({
  establishment_id: establishmentId,
  till_id: tillId,
  business_day: day,
  ticket_id: l.ticketId,
  line_id: l.lineId,
  till_product_id: l.tillProductId,
  sold_at: l.soldAt,
  label: l.label,
  quantity: l.quantity,
  amount_cents: l.amountCents,
  amount_excl_tax_cents: l.amountExclTaxCents,
  discount_cents: l.discountCents,
  import_run_id: runId,
});

/** One statement per 5,000 lines: columns travel as arrays (13 parameters), not 13 parameters per line. */
export async function insertLines(
  db: Db,
  establishmentId: string,
  tillId: string,
  day: string,
  runId: string,
  lines: readonly SaleLineValues[],
): Promise<void> {
  for (let i = 0; i < lines.length; i += 5000) {
    const chunk = lines.slice(i, i + 5000);
    await sql`
      insert into sale_line (establishment_id, till_id, business_day, ticket_id, line_id, till_product_id,
        sold_at, label, quantity, amount_cents, amount_excl_tax_cents, discount_cents, import_run_id)
      select ${establishmentId}::uuid, ${tillId}::uuid, ${day}::date, t.*, ${runId}::uuid
      from unnest(
        ${chunk.map((l) => l.ticketId)}::text[],
        ${chunk.map((l) => l.lineId)}::text[],
        ${chunk.map((l) => l.tillProductId)}::uuid[],
        ${chunk.map((l) => l.soldAt.toISOString())}::timestamptz[],
        ${chunk.map((l) => l.label)}::text[],
        ${chunk.map((l) => String(l.quantity))}::numeric[],
        ${chunk.map((l) => l.amountCents)}::int[],
        ${chunk.map((l) => l.amountExclTaxCents)}::int[],
        ${chunk.map((l) => l.discountCents)}::int[]
      ) as t`.execute(db);
  }
}

export async function updateLine(
  db: Db,
  establishmentId: string,
  tillId: string,
  day: string,
  runId: string,
  line: SaleLineValues,
): Promise<void> {
  const {
    establishment_id: _e,
    till_id: _t,
    business_day: _d,
    ticket_id: _ti,
    line_id: _l,
    ...values
  } = toRow(establishmentId, tillId, day, runId, line);
  await db
    .updateTable('sale_line')
    .set(values)
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .where('business_day', '=', day)
    .where('ticket_id', '=', line.ticketId)
    .where('line_id', '=', line.lineId)
    .execute();
}

export async function deleteLines(
  db: Db,
  establishmentId: string,
  tillId: string,
  day: string,
  keys: readonly StoredLineKey[],
): Promise<void> {
  for (const k of keys) {
    await db
      .deleteFrom('sale_line')
      .where('establishment_id', '=', establishmentId)
      .where('till_id', '=', tillId)
      .where('business_day', '=', day)
      .where('ticket_id', '=', k.ticketId)
      .where('line_id', '=', k.lineId)
      .execute();
  }
}

export type QuarantinedRecord = {
  ticketId: string | null;
  lineId: string | null;
  reason: string;
  raw: unknown;
};

/** The day's quarantine is replaced as a whole: what the till sends now is what is kept. */
export async function replaceDayQuarantine(
  db: Db,
  establishmentId: string,
  tillId: string,
  day: string,
  runId: string,
  records: readonly QuarantinedRecord[],
): Promise<number> {
  const existing = await db
    .selectFrom('sale_quarantine')
    .select(['ticket_id', 'line_id', 'reason', 'raw'])
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .where('business_day', '=', day)
    .orderBy('ticket_id')
    .orderBy('line_id')
    .orderBy('reason')
    .execute();
  const canon = (r: { ticketId: string | null; lineId: string | null; reason: string; raw: unknown }) =>
    JSON.stringify([r.ticketId, r.lineId, r.reason, r.raw]);
  const before = existing
    .map((r) => canon({ ticketId: r.ticket_id, lineId: r.line_id, reason: r.reason, raw: r.raw }))
    .sort();
  const after = records
    .map((r) => canon({ ...r, raw: JSON.parse(JSON.stringify(r.raw ?? null)) as unknown }))
    .sort();
  if (before.length === after.length && before.every((v, i) => v === after[i])) return records.length;
  await db
    .deleteFrom('sale_quarantine')
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .where('business_day', '=', day)
    .execute();
  if (records.length > 0) {
    await db
      .insertInto('sale_quarantine')
      .values(
        records.map((r) => ({
          establishment_id: establishmentId,
          till_id: tillId,
          business_day: day,
          ticket_id: r.ticketId,
          line_id: r.lineId,
          reason: r.reason.slice(0, 1000),
          raw: JSON.stringify(r.raw ?? null),
          import_run_id: runId,
        })),
      )
      .execute();
  }
  return records.length;
}

export async function countLinkedLines(
  db: Db,
  establishmentId: string,
  tillId: string,
  day: string,
): Promise<number> {
  const row = await db
    .selectFrom('sale_line as s')
    .innerJoin('till_link as l', (j) =>
      j
        .onRef('l.establishment_id', '=', 's.establishment_id')
        .onRef('l.till_product_id', '=', 's.till_product_id'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.establishment_id', '=', establishmentId)
    .where('s.till_id', '=', tillId)
    .where('s.business_day', '=', day)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One writer at a time per (establishment, till, business day): two tills' nights never wait for each other,
 * until the transaction ends. */
export async function lockNight(db: Db, establishmentId: string, tillId: string, day: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`import:${establishmentId}:${tillId}:${day}`}))`.execute(
    db,
  );
}
