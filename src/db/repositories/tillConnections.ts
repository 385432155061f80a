import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, TillConnectionStatus, TillConnectionTable } from '../schema.ts';

type Db = Kysely<Database>;

/** The connection as the server holds it; the password stays sealed and is opened only to call the till. */
export type StoredTillConnection = {
  id: string;
  establishmentId: string;
  name: string;
  /** Set when the till was removed: kept read-only, never imported again. */
  archivedAt: Date | null;
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
  name: r.name,
  archivedAt: r.archived_at,
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

/** One till of the establishment, removed ones included (their history stays readable). */
export async function findTillConnection(
  db: Db,
  establishmentId: string,
  tillId: string,
): Promise<StoredTillConnection | undefined> {
  const row = await db
    .selectFrom('till_connection')
    .selectAll()
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', tillId)
    .executeTakeFirst();
  return row && toConnection(row);
}

/** The establishment's tills, oldest first; removed ones only when asked. */
export async function listEstablishmentTills(
  db: Db,
  establishmentId: string,
  options: { withArchived?: boolean } = {},
): Promise<StoredTillConnection[]> {
  let q = db.selectFrom('till_connection').selectAll().where('establishment_id', '=', establishmentId);
  if (!options.withArchived) q = q.where('archived_at', 'is', null);
  const rows = await q
    .orderBy('archived_at', (o) => o.nullsFirst())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toConnection);
}

type TillConnectionValues = {
  tillType: 'asterio' | 'hubrise';
  domain: string;
  kmlcode: string;
  siteCode: string;
  identifier: string;
  passwordEncrypted: string;
  isSimulator?: boolean;
};

const connectionValues = (v: TillConnectionValues, now: Date) => ({
  till_type: v.tillType,
  domain: v.domain,
  kmlcode: v.kmlcode,
  site_code: v.siteCode,
  identifier: v.identifier,
  password_encrypted: v.passwordEncrypted,
  is_simulator: v.isSimulator ?? false,
  // New credentials reset the status: the old verdict was about other values.
  status: 'untested' as const,
  status_code: null,
  status_message: null,
  updated_at: now,
});

/** A new till; its name is unique among the establishment's tills in use (the caller checks, the index enforces). */
export async function insertTillConnection(
  db: Db,
  establishmentId: string,
  name: string,
  v: TillConnectionValues,
  now: Date,
): Promise<StoredTillConnection> {
  const row = await db
    .insertInto('till_connection')
    .values({ establishment_id: establishmentId, name, ...connectionValues(v, now), created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toConnection(row);
}

/** New credentials for a till in use (a removed till is never changed). */
export async function updateTillCredentials(
  db: Db,
  establishmentId: string,
  tillId: string,
  v: TillConnectionValues,
  now: Date,
): Promise<void> {
  await db
    .updateTable('till_connection')
    .set(connectionValues(v, now))
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', tillId)
    .where('archived_at', 'is', null)
    .execute();
}

export const defaultTillName = (tillType: 'asterio' | 'hubrise'): string =>
  tillType === 'hubrise' ? 'HubRise' : 'Astério';

export async function renameTill(
  db: Db,
  establishmentId: string,
  tillId: string,
  name: string,
): Promise<void> {
  await db
    .updateTable('till_connection')
    .set({ name })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', tillId)
    .where('archived_at', 'is', null)
    .execute();
}

/** Whether another till in use already has this name (case ignored). */
export async function tillNameTaken(
  db: Db,
  establishmentId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let q = db
    .selectFrom('till_connection')
    .select('id')
    .where('establishment_id', '=', establishmentId)
    .where('archived_at', 'is', null)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function recordTillStatus(
  db: Db,
  establishmentId: string,
  tillId: string,
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
    .where('id', '=', tillId)
    .execute();
}

export async function recordImportOutcome(
  db: Db,
  establishmentId: string,
  tillId: string,
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
    .where('id', '=', tillId)
    .execute();
}

/** Removes a till from use: never imported again, its products, links, sales and runs kept. */
export async function archiveTill(
  db: Db,
  establishmentId: string,
  tillId: string,
  at: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('till_connection')
    .set({ archived_at: at, updated_at: at })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', tillId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

type SchedulableConnection = {
  establishmentId: string;
  tillId: string;
  connectedAt: Date;
  timeZone: string;
  dayCutoffHour: number;
};

/** Tills the nightly schedule serves: every one in use that the till has not refused. */
export async function listSchedulableConnections(db: Db): Promise<SchedulableConnection[]> {
  const rows = await db
    .selectFrom('till_connection as c')
    .innerJoin('establishment as e', 'e.id', 'c.establishment_id')
    .select(['c.establishment_id', 'c.id', 'c.created_at', 'e.time_zone', 'e.day_cutoff_hour'])
    .where('c.status', '!=', 'refused')
    .where('c.archived_at', 'is', null)
    .orderBy('c.establishment_id')
    .orderBy('c.created_at')
    .execute();
  return rows.map((r) => ({
    establishmentId: r.establishment_id,
    tillId: r.id,
    connectedAt: r.created_at,
    timeZone: r.time_zone,
    dayCutoffHour: r.day_cutoff_hour,
  }));
}

/** Sealed passwords in the old format, for the reseal at start. */
export async function listLegacySealedPasswords(
  db: Db,
): Promise<{ establishmentId: string; tillId: string; passwordEncrypted: string }[]> {
  const rows = await db
    .selectFrom('till_connection')
    .select(['establishment_id', 'id', 'password_encrypted'])
    .where('password_encrypted', 'like', 'v1:%')
    .execute();
  return rows.map((r) => ({
    establishmentId: r.establishment_id,
    tillId: r.id,
    passwordEncrypted: r.password_encrypted,
  }));
}

export async function replaceSealedPassword(
  db: Db,
  establishmentId: string,
  tillId: string,
  from: string,
  to: string,
): Promise<void> {
  await db
    .updateTable('till_connection')
    .set({ password_encrypted: to })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', tillId)
    .where('password_encrypted', '=', from)
    .execute();
}
