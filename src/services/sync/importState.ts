import type { Db } from '../../db/database.ts';
import { importSummary } from '../../db/repositories/importRuns.ts';
import type { ImportQueue } from '../imports/importQueue.ts';

type ImportState = Awaited<ReturnType<typeof importSummary>> & { pendingDays: number };

/** Where the imports stand, for a work list that is empty because nothing arrived yet (the caller checked access). */
export async function importState(db: Db, queue: ImportQueue, establishmentId: string): Promise<ImportState> {
  const pending = await queue.pending(establishmentId);
  return { ...(await importSummary(db, establishmentId)), pendingDays: pending.length };
}
