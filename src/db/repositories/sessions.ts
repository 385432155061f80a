import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Account } from './accounts.ts';

type Db = Kysely<Database>;

/** Sessions are stored by the hash of their token: a leaked table does not give live sessions. */
export async function insertSession(
  db: Db,
  values: { id: string; accountId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('session')
    .values({ id: values.id, account_id: values.accountId, expires_at: values.expiresAt })
    .execute();
}

/** A live session with its account, in one round trip (every API request asks it). */
export async function findLiveSession(
  db: Db,
  id: string,
  now: Date,
): Promise<{ account: Account; expiresAt: Date } | undefined> {
  const row = await db
    .selectFrom('session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .select(['a.id', 'a.email', 'a.display_name', 'a.locale', 'a.created_at', 's.expires_at'])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  return (
    row && {
      account: {
        id: row.id,
        email: row.email,
        displayName: row.display_name,
        locale: row.locale,
        createdAt: row.created_at,
      },
      expiresAt: row.expires_at,
    }
  );
}

export async function extendSession(db: Db, id: string, expiresAt: Date): Promise<void> {
  await db.updateTable('session').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<=', now).execute();
}

/** Ends every session of an account, but the one kept (the session asking, after a password change). */
export async function deleteAccountSessions(db: Db, accountId: string, keepId?: string): Promise<number> {
  let query = db.deleteFrom('session').where('account_id', '=', accountId);
  if (keepId) query = query.where('id', '<>', keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
