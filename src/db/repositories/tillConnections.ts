import type { Kysely, Selectable } from 'kysely';
import type { Database, TillConnectionStatus, TillConnectionTable } from '../schema.ts';

type Db = Kysely<Database>;

/** The connection as the server holds it; the password stays sealed and is opened only to call the till. */
export type StoredTillConnection = {
  id: string;
  establishmentId: string;
  tillType: 'asterio' | 'hubrise';
  domain: string;
  kmlcode: string;
  siteCode: string;
  identifier: string;
  passwordEncrypted: string;
  isSimulator: boolean;
  status: TillConnectionStatus;
  statusCode: string | null;
  statusMessage: string | null;
  siteName: string | null;
  lastTestedAt: Date | null;
  lastImportAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  updatedAt: Date;
};

const toConnection = (r: Selectable<TillConnectionTable>): StoredTillConnection => ({
  id: r.id,
  establishmentId: r.establishment_id,
  tillType: r.till_type,
  domain: r.domain,
  kmlcode: r.kmlcode,
  siteCode: r.site_code,
  identifier: r.identifier,
  passwordEncrypted: r.password_encrypted,
  isSimulator: r.is_simulator,
  status: r.status,
  statusCode: r.status_code,
  statusMessage: r.status_message,
  siteName: r.site_name,
  lastTestedAt: r.last_tested_at,
  lastImportAt: r.last_import_at,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
  updatedAt: r.updated_at,
});

export async function findTillConnection(
  db: Db,
  establishmentId: string,
): Promise<StoredTillConnection | undefined> {
  const row = await db
    .selectFrom('till_connection')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
  return row && toConnection(row);
}

export async function listTillConnections(db: Db): Promise<StoredTillConnection[]> {
  const rows = await db.selectFrom('till_connection').selectAll().orderBy('establishment_id').execute();
  return rows.map(toConnection);
}

export type TillConnectionValues = {
  tillType: 'asterio' | 'hubrise';
  domain: string;
  kmlcode: string;
  siteCode: string;
  identifier: string;
  passwordEncrypted: string;
  isSimulator?: boolean;
};

/** Saving new credentials resets the status: the old verdict was about other values. */
export async function upsertTillConnection(
  db: Db,
  establishmentId: string,
  v: TillConnectionValues,
  now: Date,
): Promise<StoredTillConnection> {
  const values = {
    till_type: v.tillType,
    domain: v.domain,
    kmlcode: v.kmlcode,
    site_code: v.siteCode,
    identifier: v.identifier,
    password_encrypted: v.passwordEncrypted,
    is_simulator: v.isSimulator ?? false,
    status: 'untested' as const,
    status_code: null,
    status_message: null,
    updated_at: now,
  };
  const row = await db
    .insertInto('till_connection')
    .values({ establishment_id: establishmentId, ...values, created_at: now })
    .onConflict((oc) => oc.column('establishment_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toConnection(row);
}

export async function recordTillStatus(
  db: Db,
  establishmentId: string,
  status: {
    status: TillConnectionStatus;
    code: string | null;
    message: string | null;
    siteName?: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable('till_connection')
    .set({
      status: status.status,
      status_code: status.code,
      status_message: status.message,
      last_tested_at: status.at,
      ...(status.siteName !== undefined ? { site_name: status.siteName } : {}),
    })
    .where('establishment_id', '=', establishmentId)
    .execute();
}

export async function recordImportOutcome(
  db: Db,
  establishmentId: string,
  outcome: { ok: true; at: Date } | { ok: false; at: Date; error: string; refused: boolean },
): Promise<void> {
  await db
    .updateTable('till_connection')
    .set(
      outcome.ok
        ? { last_import_at: outcome.at }
        : {
            last_error: outcome.error,
            last_error_at: outcome.at,
            ...(outcome.refused
              ? { status: 'refused' as const, status_code: 'auth_refused', status_message: outcome.error }
              : {}),
          },
    )
    .where('establishment_id', '=', establishmentId)
    .execute();
}

export async function deleteTillConnection(db: Db, establishmentId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('till_connection')
    .where('establishment_id', '=', establishmentId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export type SchedulableConnection = {
  establishmentId: string;
  connectedAt: Date;
  timeZone: string;
  dayCutoffHour: number;
};

/** Connections the nightly schedule serves: every one the till has not refused. */
export async function listSchedulableConnections(db: Db): Promise<SchedulableConnection[]> {
  const rows = await db
    .selectFrom('till_connection as c')
    .innerJoin('establishment as e', 'e.id', 'c.establishment_id')
    .select(['c.establishment_id', 'c.created_at', 'e.time_zone', 'e.day_cutoff_hour'])
    .where('c.status', '!=', 'refused')
    .execute();
  return rows.map((r) => ({
    establishmentId: r.establishment_id,
    connectedAt: r.created_at,
    timeZone: r.time_zone,
    dayCutoffHour: r.day_cutoff_hour,
  }));
}

/** Sealed passwords in the old format, for the reseal at start. */
export async function listLegacySealedPasswords(
  db: Db,
): Promise<{ establishmentId: string; passwordEncrypted: string }[]> {
  const rows = await db
    .selectFrom('till_connection')
    .select(['establishment_id', 'password_encrypted'])
    .where('password_encrypted', 'like', 'v1:%')
    .execute();
  return rows.map((r) => ({ establishmentId: r.establishment_id, passwordEncrypted: r.password_encrypted }));
}

export async function replaceSealedPassword(
  db: Db,
  establishmentId: string,
  from: string,
  to: string,
): Promise<void> {
  await db
    .updateTable('till_connection')
    .set({ password_encrypted: to })
    .where('establishment_id', '=', establishmentId)
    .where('password_encrypted', '=', from)
    .execute();
}
