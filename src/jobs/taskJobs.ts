import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../domain/errors.ts';
import { createDemoEstablishment } from '../services/demo/createDemo.ts';
import {
  discardStagedCatalogue,
  prepareCatalogue,
  publishCatalogue,
  stageCatalogueBatch,
} from '../services/library/importSupplierCatalogue.ts';
import {
  failTask,
  finishTask,
  loadTaskForJob,
  recordTaskProgress,
  type CatalogueParams,
} from '../services/tasks/tasks.ts';
import type { JobContext } from './definitions.ts';

/** Entries staged per transaction: progress moves between batches, and no batch holds the database long. */
const CATALOGUE_BATCH = 500;

export async function runCatalogueTask(ctx: JobContext, taskId: string, last: boolean): Promise<void> {
  const { db, clock } = ctx;
  const { task, input } = await loadTaskForJob(db, taskId, 'supplier-catalogue');
  if (task.state === 'succeeded' || !task.targetEstablishment) return;
  const params = task.params as CatalogueParams;
  try {
    await recordTaskProgress(db, taskId, { state: 'running', done: 0 }, clock);
    const { entries, report } = prepareCatalogue(
      task.targetEstablishment,
      { csv: input ?? new Uint8Array(), mapping: params.mapping, separator: params.separator },
      params.year,
    );
    await recordTaskProgress(db, taskId, { total: entries.length }, clock);
    // All or nothing: batches go to a staging table (a retry starts it afresh), then one transaction moves
    // them into the library. A failure before that commit leaves the library untouched.
    await inTransaction(db, (trx) => discardStagedCatalogue(trx, taskId));
    for (let i = 0; i < entries.length; i += CATALOGUE_BATCH) {
      const batch = entries.slice(i, i + CATALOGUE_BATCH);
      await inTransaction(db, (trx) => stageCatalogueBatch(trx, taskId, batch));
      await recordTaskProgress(db, taskId, { done: i + batch.length }, clock);
    }
    await inTransaction(db, (trx) => publishCatalogue(trx, taskId));
    await finishTask(db, taskId, report, clock);
  } catch (error) {
    // Staged rows are never seen; drop them now rather than at the retry (best effort: the task owns them).
    await inTransaction(db, (trx) => discardStagedCatalogue(trx, taskId)).catch(() => undefined);
    // A bad file stays bad: say why at once, no retry.
    if (error instanceof AppError) return failTask(db, taskId, error.message, clock, true);
    await failTask(db, taskId, 'Import interrompu : il reprendra tout seul, sinon relancez-le.', clock, last);
    throw error;
  }
}

export async function runDemoTask(ctx: JobContext, taskId: string): Promise<void> {
  const { db, clock } = ctx;
  const { task } = await loadTaskForJob(db, taskId, 'create-demo');
  if (task.state === 'succeeded') return;
  await recordTaskProgress(db, taskId, { state: 'running', done: 0, total: 1 }, clock);
  try {
    // One transaction for the whole establishment; its background nights are queued once it has committed.
    const { establishment, queuedDays, nights } = await inTransaction(db, (trx) =>
      createDemoEstablishment(trx, ctx.tills, task.accountId, clock),
    );
    await ctx.imports.enqueue(nights);
    await recordTaskProgress(db, taskId, { done: 1, targetEstablishment: establishment.id }, clock);
    await finishTask(db, taskId, { establishmentId: establishment.id, queuedDays }, clock);
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.message
        : 'La démo n’a pas pu être créée : réessayez dans un instant.';
    await failTask(db, taskId, message, clock, true);
    if (!(error instanceof AppError)) throw error;
  }
}
