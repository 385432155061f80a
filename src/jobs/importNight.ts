import type { Db } from '../db/database.ts';
import type { ImportRun } from '../db/repositories/importRuns.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Clock } from '../domain/clock.ts';
import {
  fetchNight,
  findNightRun,
  recordNightFailure,
  writeNight,
  type ImportTrigger,
} from '../services/imports/importNight.ts';
import type { TillAccess } from '../services/tills/tillAccess.ts';

/** Test and benchmark probes: between the fetch and the write, and inside the write's transaction before its commit. */
export type ImportNightHooks = {
  afterFetch?: () => Promise<void> | void;
  beforeCommit?: () => Promise<void> | void;
};

/**
 * One night of one till, as the import job and `cellier import` run it: fetched outside any transaction, written
 * with its run's outcome in one transaction opened here, and recorded `failed` outside it when that rolls back.
 * Returns the run as committed; a till error is a `failed` run, any other error is thrown once recorded.
 */
export async function importNight(
  db: Db,
  access: TillAccess,
  input: { establishmentId: string; tillId: string; day: string; trigger: ImportTrigger },
  clock: Clock,
  hooks: ImportNightHooks = {},
): Promise<ImportRun> {
  const fetched = await fetchNight(db, access, input, clock);
  if (!('data' in fetched)) return fetched;
  try {
    await hooks.afterFetch?.();
    await inTransaction(db, async (trx) => {
      await writeNight(trx, fetched, clock);
      await hooks.beforeCommit?.();
    });
  } catch (error) {
    return recordNightFailure(db, fetched.run, error, clock);
  }
  return findNightRun(db, fetched.run);
}
