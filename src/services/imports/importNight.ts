import type { Db } from '../../db/database.ts';
import { finishRun, findRun, startRun, type ImportRun } from '../../db/repositories/importRuns.ts';
import { findTillConnection, recordImportOutcome } from '../../db/repositories/tillConnections.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import {
  isTillError,
  type RejectedRecord,
  type TillProduct,
  type TillTicket,
} from '../../tills/connector.ts';
import { connectorFor, type TillAccess } from '../tills/tillAccess.ts';
import { removedTill } from '../tills/tillConnection.ts';
import { applyNight } from './applyNight.ts';

export type ImportTrigger = 'schedule' | 'manual' | 'cli' | 'demo';

/** A night whose run is recorded `running`: what the write and a failure refer to. */
export type NightRun = {
  establishmentId: string;
  tillId: string;
  day: string;
  runId: string;
  startedAt: Date;
};
/** A night fetched from the till, not yet written. */
export type FetchedNight = {
  run: NightRun;
  data: { products: TillProduct[]; tickets: TillTicket[]; rejected: RejectedRecord[] };
};

/*
 * One night of one till (DESIGN §7) is three steps, and the caller (job, CLI, demo) holds the transaction:
 * fetchNight (run recorded, till read, outside any transaction), writeNight (in the caller's transaction: the write
 * and the run's outcome commit together), recordNightFailure (outside the rolled-back write).
 */

/**
 * Records the run `running` on `db` (committed at once outside a transaction, so plan-imports can close a run left
 * by a dead process), then reads the till. Returns the fetched night, or the run when it ends here: `waiting` (day
 * not closed in the till) or `failed` on a till error. Any other error is recorded `failed`, then thrown.
 */
export async function fetchNight(
  db: Db,
  access: TillAccess,
  input: { establishmentId: string; tillId: string; day: string; trigger: ImportTrigger },
  clock: Clock,
): Promise<FetchedNight | ImportRun> {
  const { establishmentId, day } = input;
  const connection = await findTillConnection(db, establishmentId, input.tillId);
  if (!connection) throw notFound('Caisse');
  // A removed till is never read again: its history stays as it was.
  if (connection.archivedAt) throw removedTill();
  const startedAt = clock.now();
  const runId = await startRun(db, establishmentId, connection.id, day, input.trigger, startedAt);
  const run: NightRun = { establishmentId, tillId: connection.id, day, runId, startedAt };
  try {
    const connector = connectorFor(access, connection, 'background', () => clock.now());
    if (await connector.isDayClosed(day)) {
      const [catalogue, sales] = await Promise.all([connector.listProducts(), connector.listTickets(day)]);
      return {
        run,
        data: {
          products: catalogue.products,
          tickets: sales.tickets,
          rejected: [...catalogue.rejected, ...sales.rejected],
        },
      };
    }
    await finishRun(db, establishmentId, runId, {
      status: 'waiting',
      at: clock.now(),
      startedAt,
      errorMessage: 'Journée pas encore clôturée dans la caisse',
    });
  } catch (error) {
    return recordNightFailure(db, run, error, clock);
  }
  return findNightRun(db, run);
}

/**
 * Writes a fetched night and its run's outcome in the caller's transaction: the advisory lock on the night holds
 * until that commit, so a kill leaves the previous state or the whole night, never a part.
 */
export async function writeNight(trx: Db, night: FetchedNight, clock: Clock): Promise<void> {
  // Outside a transaction the advisory lock would end with its statement: exactly-once would not hold.
  if (!trx.isTransaction) throw new Error('writeNight runs inside the caller’s transaction');
  const { establishmentId, tillId, runId, startedAt } = night.run;
  const counts = await applyNight(trx, night.run, night.data);
  await finishRun(trx, establishmentId, runId, {
    status: counts.quarantined > 0 ? 'partial' : 'succeeded',
    at: clock.now(),
    startedAt,
    counts,
  });
  await recordImportOutcome(trx, establishmentId, tillId, { ok: true, at: clock.now() });
}

/**
 * Records the run `failed` on `db`, outside the rolled-back write. A till error is the night's outcome: the failed
 * run is returned. Any other error is thrown again once recorded (the job retries it).
 */
export async function recordNightFailure(
  db: Db,
  run: NightRun,
  error: unknown,
  clock: Clock,
): Promise<ImportRun> {
  const till = isTillError(error);
  const message = till || error instanceof AppError ? error.message : 'Erreur interne pendant l’import';
  const code = till ? error.code : 'internal';
  await finishRun(db, run.establishmentId, run.runId, {
    status: 'failed',
    at: clock.now(),
    startedAt: run.startedAt,
    errorCode: code,
    errorMessage: message,
  });
  await recordImportOutcome(db, run.establishmentId, run.tillId, {
    ok: false,
    at: clock.now(),
    error: message,
    refused: code === 'auth_refused',
  });
  if (!till) throw error;
  return findNightRun(db, run);
}

/** The run as recorded, once its outcome is written (after the write's commit). */
export async function findNightRun(db: Db, run: NightRun): Promise<ImportRun> {
  const found = await findRun(db, run.establishmentId, run.runId);
  if (!found) throw new Error('import run vanished');
  return found;
}
