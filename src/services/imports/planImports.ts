import type { Db } from '../../db/database.ts';
import { failStaleRuns } from '../../db/repositories/importRuns.ts';
import { pendingQueuedDays } from '../../db/repositories/queuedJobs.ts';
import type { Clock } from '../../domain/clock.ts';
import { listDueImports } from './dueImports.ts';
import type { ImportNightData } from './importQueue.ts';

/** A run still `running` after this long was left by a dead process. */
const STALE_RUN_MS = 30 * 60 * 1000;

/** The planner's use case: close runs left by a dead process, then list what the schedule owes. */
export async function planImports(db: Db, clock: Clock): Promise<ImportNightData[]> {
  const now = clock.now();
  await failStaleRuns(db, new Date(now.getTime() - STALE_RUN_MS), now);
  return (await listDueImports(db, now)).map((d) => ({ ...d, trigger: 'schedule' as const }));
}

/** Days of one establishment waiting or running in pg-boss's queue (server mode). */
export function pgBossPendingDays(db: Db, queueName: string, establishmentId: string): Promise<string[]> {
  return pendingQueuedDays(db, queueName, establishmentId);
}
