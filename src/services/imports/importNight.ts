import type { Db } from '../../db/database.ts';
import { finishRun, findRun, startRun, type ImportRun } from '../../db/repositories/importRuns.ts';
import { findTillConnection, recordImportOutcome } from '../../db/repositories/tillConnections.ts';
import type { Clock } from '../../domain/clock.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { isTillError } from '../../tills/connector.ts';
import { connectorFor, type TillAccess } from '../tills/tillAccess.ts';
import { removedTill } from '../tills/tillConnection.ts';
import { applyNight } from './applyNight.ts';

export type ImportTrigger = 'schedule' | 'manual' | 'cli' | 'demo';
type ImportHooks = {
  afterFetch?: () => Promise<void> | void;
  beforeCommit?: () => Promise<void> | void;
};

/**
 * Imports one business day of one till of an establishment (DESIGN §7). The fetch happens first, outside any transaction;
 * the whole write, run record included, is one transaction, so a kill leaves the previous state or the full night.
 */
export async function importNight(
  db: Db,
  access: TillAccess,
  input: { establishmentId: string; tillId: string; day: string; trigger: ImportTrigger },
  clock: Clock,
  hooks: ImportHooks = {},
): Promise<ImportRun> {
  const { establishmentId, day } = input;
  const connection = await findTillConnection(db, establishmentId, input.tillId);
  if (!connection) throw notFound('Caisse');
  const tillId = connection.id;
  // A removed till is never read again: its history stays as it was.
  if (connection.archivedAt) throw removedTill();
  const startedAt = clock.now();
  const runId = await startRun(db, establishmentId, tillId, day, input.trigger, startedAt);
  try {
    const connector = connectorFor(access, connection, 'background', () => clock.now());
    if (!(await connector.isDayClosed(day))) {
      await finishRun(db, establishmentId, runId, {
        status: 'waiting',
        at: clock.now(),
        startedAt,
        errorMessage: 'Journée pas encore clôturée dans la caisse',
      });
    } else {
      const [catalogue, sales] = await Promise.all([connector.listProducts(), connector.listTickets(day)]);
      await hooks.afterFetch?.();
      // Joins the caller's transaction when there is one (the demo); otherwise the night is its own.
      await inTransaction(db, async (trx) => {
        const counts = await applyNight(
          trx,
          { establishmentId, tillId: connection.id, day, runId },
          {
            products: catalogue.products,
            tickets: sales.tickets,
            rejected: [...catalogue.rejected, ...sales.rejected],
          },
        );
        await hooks.beforeCommit?.();
        await finishRun(trx, establishmentId, runId, {
          status: counts.quarantined > 0 ? 'partial' : 'succeeded',
          at: clock.now(),
          startedAt,
          counts,
        });
        await recordImportOutcome(trx, establishmentId, tillId, { ok: true, at: clock.now() });
      });
    }
  } catch (error) {
    const till = isTillError(error);
    const message = till || error instanceof AppError ? error.message : 'Erreur interne pendant l’import';
    const code = till ? error.code : 'internal';
    await finishRun(db, establishmentId, runId, {
      status: 'failed',
      at: clock.now(),
      startedAt,
      errorCode: code,
      errorMessage: message,
    });
    await recordImportOutcome(db, establishmentId, tillId, {
      ok: false,
      at: clock.now(),
      error: message,
      refused: code === 'auth_refused',
    });
    if (!till) throw error;
  }
  const run = await findRun(db, establishmentId, runId);
  if (!run) throw new Error('import run vanished');
  return run;
}
