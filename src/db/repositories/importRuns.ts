import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ImportRunTable, ImportStatus } from '../schema.ts';

type Db = Kysely<Database>;

export type ImportCounts = {
  productsNew: number;
  productsChanged: number;
  tickets: number;
  lines: number;
  linesNew: number;
  linesChanged: number;
  linesRemoved: number;
  quarantined: number;
  depleted: number;
  revenueCents: number;
};

export type ImportRun = ImportCounts & {
  id: string;
  tillId: string | null;
  businessDay: string;
  trigger: string;
  status: ImportStatus;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  errorCode: string | null;
  errorMessage: string | null;
};

const toRun = (r: Selectable<ImportRunTable>): ImportRun => ({
  id: r.id,
  tillId: r.till_id,
  businessDay: r.business_day,
  trigger: r.trigger,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  durationMs: r.duration_ms,
  productsNew: r.products_new,
  productsChanged: r.products_changed,
  tickets: r.tickets,
  lines: r.lines,
  linesNew: r.lines_new,
  linesChanged: r.lines_changed,
  linesRemoved: r.lines_removed,
  quarantined: r.quarantined,
  depleted: r.depleted,
  revenueCents: Number(r.revenue_cents),
  errorCode: r.error_code,
  errorMessage: r.error_message,
});

export async function startRun(
  db: Db,
  establishmentId: string,
  tillId: string,
  day: string,
  trigger: string,
  at: Date,
): Promise<string> {
  const row = await db
    .insertInto('import_run')
    .values({
      establishment_id: establishmentId,
      till_id: tillId,
      business_day: day,
      trigger,
      status: 'running',
      started_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(
  db: Db,
  establishmentId: string,
  runId: string,
  outcome: {
    status: ImportStatus;
    at: Date;
    startedAt: Date;
    counts?: ImportCounts;
    errorCode?: string | null;
    errorMessage?: string | null;
  },
): Promise<void> {
  const c = outcome.counts;
  await db
    .updateTable('import_run')
    .set({
      status: outcome.status,
      finished_at: outcome.at,
      duration_ms: Math.max(0, outcome.at.getTime() - outcome.startedAt.getTime()),
      error_code: outcome.errorCode ?? null,
      error_message: outcome.errorMessage ?? null,
      ...(c
        ? {
            products_new: c.productsNew,
            products_changed: c.productsChanged,
            tickets: c.tickets,
            lines: c.lines,
            lines_new: c.linesNew,
            lines_changed: c.linesChanged,
            lines_removed: c.linesRemoved,
            quarantined: c.quarantined,
            depleted: c.depleted,
            revenue_cents: c.revenueCents,
          }
        : {}),
    })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', runId)
    .execute();
}

export async function listRuns(db: Db, establishmentId: string, limit: number): Promise<ImportRun[]> {
  const rows = await db
    .selectFrom('import_run')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .orderBy('business_day', 'desc')
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

export async function findRun(
  db: Db,
  establishmentId: string,
  runId: string,
): Promise<ImportRun | undefined> {
  const row = await db
    .selectFrom('import_run')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', runId)
    .executeTakeFirst();
  return row && toRun(row);
}

/** Days of one till already imported (succeeded or partial), for the catch-up. */
export async function importedDays(
  db: Db,
  establishmentId: string,
  tillId: string,
  since: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('import_run')
    .select('business_day')
    .distinct()
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .where('business_day', '>=', since)
    .where('status', 'in', ['succeeded', 'partial'])
    .execute();
  return new Set(rows.map((r) => r.business_day));
}

/** A run left 'running' by a killed process is closed as failed; its data transaction never committed. */
export async function failStaleRuns(db: Db, olderThan: Date, at: Date): Promise<number> {
  const res = await db
    .updateTable('import_run')
    .set({
      status: 'failed',
      finished_at: at,
      error_code: 'interrupted',
      error_message: 'Import interrompu (processus arrêté)',
    })
    .where('status', '=', 'running')
    .where('started_at', '<', olderThan)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export type QuarantineItem = {
  id: string;
  tillId: string;
  /** The till the record came from, by its name; null only if that till is unknown. */
  tillName: string | null;
  tillRemoved: boolean;
  businessDay: string;
  ticketId: string | null;
  lineId: string | null;
  reason: string;
  raw: unknown;
  createdAt: Date;
};

export async function listQuarantine(
  db: Db,
  establishmentId: string,
  limit: number,
): Promise<QuarantineItem[]> {
  const rows = await db
    .selectFrom('sale_quarantine as q')
    .leftJoin('till_connection as tc', (j) =>
      j.onRef('tc.establishment_id', '=', 'q.establishment_id').onRef('tc.id', '=', 'q.till_id'),
    )
    .leftJoin('sales_file_till as ft', (j) =>
      j.onRef('ft.establishment_id', '=', 'q.establishment_id').onRef('ft.id', '=', 'q.till_id'),
    )
    .select([
      'q.id',
      'q.till_id',
      sql<string | null>`coalesce(tc.name, ft.name)`.as('till_name'),
      sql<boolean>`tc.archived_at is not null`.as('till_removed'),
      'q.business_day',
      'q.ticket_id',
      'q.line_id',
      'q.reason',
      'q.raw',
      'q.created_at',
    ])
    .where('q.establishment_id', '=', establishmentId)
    .orderBy('q.business_day', 'desc')
    .orderBy('q.ticket_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    tillId: r.till_id,
    tillName: r.till_name,
    tillRemoved: r.till_removed,
    businessDay: r.business_day,
    ticketId: r.ticket_id,
    lineId: r.line_id,
    reason: r.reason,
    raw: r.raw,
    createdAt: r.created_at,
  }));
}

/** Days of one till whose runs failed at least `minFailures` times since `after`. */
export async function repeatedlyFailedDays(
  db: Db,
  establishmentId: string,
  tillId: string,
  window: { sinceDay: string; after: Date; minFailures: number },
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('import_run')
    .select(['business_day', (eb) => eb.fn.countAll<number>().as('n')])
    .where('establishment_id', '=', establishmentId)
    .where('till_id', '=', tillId)
    .where('business_day', '>=', window.sinceDay)
    .where('status', '=', 'failed')
    .where('started_at', '>', window.after)
    .groupBy('business_day')
    .execute();
  return new Set(rows.filter((r) => Number(r.n) >= window.minFailures).map((r) => r.business_day));
}

/** What the work list says before anything is linked: nights imported so far, and the latest run. */
export async function importSummary(
  db: Db,
  establishmentId: string,
): Promise<{
  importedDays: number;
  lastRun: { businessDay: string; status: ImportStatus; errorMessage: string | null } | null;
}> {
  const done = await db
    .selectFrom('import_run')
    .select((eb) => eb.fn.count<number>('business_day').distinct().as('n'))
    .where('establishment_id', '=', establishmentId)
    .where('status', 'in', ['succeeded', 'partial'])
    .executeTakeFirstOrThrow();
  const last = await db
    .selectFrom('import_run')
    .select(['business_day', 'status', 'error_message'])
    .where('establishment_id', '=', establishmentId)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    importedDays: Number(done.n),
    lastRun: last
      ? { businessDay: last.business_day, status: last.status, errorMessage: last.error_message }
      : null,
  };
}
