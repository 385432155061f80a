import { sql } from 'kysely';
import type { Db } from '../database.ts';
import type { CountScopeKind, CountStatus } from '../countsSchema.ts';

export type CountSession = {
  id: string;
  name: string;
  cutoffAt: Date;
  scope: { kind: CountScopeKind; location: string | null; types: string[] };
  blind: boolean;
  uncountedZero: boolean;
  reasonThresholdCents: number;
  status: CountStatus;
  createdBy: string | null;
  createdAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
};

export type CountLine = {
  drinkId: string;
  location: string;
  quantity: number;
  countedBy: string | null;
  countedByEmail: string | null;
  countedAt: Date;
  previousQuantity: number | null;
  previousByEmail: string | null;
};

type SessionRow = {
  id: string;
  name: string;
  cutoff_at: Date;
  scope_kind: CountScopeKind;
  scope_location: string | null;
  scope_types: string[];
  blind: boolean;
  uncounted_zero: boolean;
  reason_threshold_cents: number;
  status: CountStatus;
  created_by: string | null;
  created_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
};

const toSession = (r: SessionRow): CountSession => ({
  id: r.id,
  name: r.name,
  cutoffAt: r.cutoff_at,
  scope: { kind: r.scope_kind, location: r.scope_location, types: r.scope_types },
  blind: r.blind,
  uncountedZero: r.uncounted_zero,
  reasonThresholdCents: r.reason_threshold_cents,
  status: r.status,
  createdBy: r.created_by,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
});

type NewCountSession = Omit<
  CountSession,
  'id' | 'status' | 'createdAt' | 'closedAt' | 'closedBy' | 'createdBy'
>;

export async function insertCountSession(
  db: Db,
  establishmentId: string,
  s: NewCountSession,
  createdBy: string,
  now: Date,
): Promise<CountSession> {
  const row = await db
    .insertInto('count_session')
    .values({
      establishment_id: establishmentId,
      name: s.name,
      cutoff_at: s.cutoffAt,
      scope_kind: s.scope.kind,
      scope_location: s.scope.location,
      scope_types: s.scope.types,
      blind: s.blind,
      uncounted_zero: s.uncountedZero,
      reason_threshold_cents: s.reasonThresholdCents,
      status: 'open',
      created_by: createdBy,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSession(row);
}

export async function findCountSession(
  db: Db,
  establishmentId: string,
  sessionId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CountSession | undefined> {
  const row = await db
    .selectFrom('count_session')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', sessionId)
    .$if(opts.forUpdate === true, (q) => q.forUpdate())
    .executeTakeFirst();
  return row ? toSession(row) : undefined;
}

export async function listCountSessions(
  db: Db,
  establishmentId: string,
  limit = 100,
): Promise<CountSession[]> {
  const rows = await db
    .selectFrom('count_session')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .orderBy('cutoff_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSession);
}

/** The closed session just before this one, whose cut-off opens the period this one closes. */
export async function previousClosedSession(
  db: Db,
  establishmentId: string,
  before: Date,
): Promise<CountSession | undefined> {
  const row = await db
    .selectFrom('count_session')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('status', '=', 'closed')
    .where('cutoff_at', '<', before)
    .orderBy('cutoff_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toSession(row) : undefined;
}

export async function setSessionStatus(
  db: Db,
  establishmentId: string,
  sessionId: string,
  status: CountStatus,
  by: string,
  at: Date,
  uncountedZero: boolean,
): Promise<void> {
  await db
    .updateTable('count_session')
    .set(
      status === 'closed'
        ? { status, closed_at: at, closed_by: by, uncounted_zero: uncountedZero }
        : { status, closed_at: null, closed_by: null },
    )
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', sessionId)
    .execute();
}

/** Upserts one line; the previous value (someone else's) is kept beside it so the UI can show who was overwritten. */
export async function upsertCountLine(
  db: Db,
  establishmentId: string,
  sessionId: string,
  line: { drinkId: string; location: string; quantity: number },
  by: string,
  at: Date,
): Promise<{ previousQuantity: number | null; previousBy: string | null }> {
  const before = await db
    .selectFrom('count_line')
    .select(['quantity', 'counted_by'])
    .where('establishment_id', '=', establishmentId)
    .where('session_id', '=', sessionId)
    .where('drink_id', '=', line.drinkId)
    .where('location', '=', line.location)
    .forUpdate()
    .executeTakeFirst();
  const previousQuantity = before ? Number(before.quantity) : null;
  const previousBy = before?.counted_by ?? null;
  await db
    .insertInto('count_line')
    .values({
      establishment_id: establishmentId,
      session_id: sessionId,
      drink_id: line.drinkId,
      location: line.location,
      quantity: line.quantity,
      counted_by: by,
      counted_at: at,
      previous_quantity: previousQuantity,
      previous_by: previousBy,
    })
    .onConflict((oc) =>
      oc.columns(['establishment_id', 'session_id', 'drink_id', 'location']).doUpdateSet({
        quantity: line.quantity,
        counted_by: by,
        counted_at: at,
        previous_quantity: previousQuantity,
        previous_by: previousBy,
      }),
    )
    .execute();
  return { previousQuantity, previousBy };
}

export async function deleteCountLine(
  db: Db,
  establishmentId: string,
  sessionId: string,
  drinkId: string,
  location: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('count_line')
    .where('establishment_id', '=', establishmentId)
    .where('session_id', '=', sessionId)
    .where('drink_id', '=', drinkId)
    .where('location', '=', location)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listCountLines(
  db: Db,
  establishmentId: string,
  sessionId: string,
): Promise<CountLine[]> {
  const rows = await db
    .selectFrom('count_line as l')
    .leftJoin('account as a', 'a.id', 'l.counted_by')
    .leftJoin('account as p', 'p.id', 'l.previous_by')
    .select([
      'l.drink_id',
      'l.location',
      'l.quantity',
      'l.counted_by',
      'a.email as counted_email',
      'l.counted_at',
      'l.previous_quantity',
      'p.email as previous_email',
    ])
    .where('l.establishment_id', '=', establishmentId)
    .where('l.session_id', '=', sessionId)
    .orderBy('l.counted_at')
    .execute();
  return rows.map((r) => ({
    drinkId: r.drink_id,
    location: r.location,
    quantity: Number(r.quantity),
    countedBy: r.counted_by,
    countedByEmail: r.counted_email,
    countedAt: r.counted_at,
    previousQuantity: r.previous_quantity === null ? null : Number(r.previous_quantity),
    previousByEmail: r.previous_email,
  }));
}

/** Counted quantity per drink: the lines of every location added up. */
export async function countedTotals(
  db: Db,
  establishmentId: string,
  sessionId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('count_line')
    .select(['drink_id', sql<number>`sum(quantity)`.as('total')])
    .where('establishment_id', '=', establishmentId)
    .where('session_id', '=', sessionId)
    .groupBy('drink_id')
    .execute();
  return new Map(rows.map((r) => [r.drink_id, Number(r.total)]));
}
