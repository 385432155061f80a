import type { Db } from './database.ts';

/**
 * The one way to open a transaction, used by routes, jobs and CLI commands (never by services). Inside a
 * transaction already, the work joins it, so two use cases compose into one all-or-nothing unit.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
