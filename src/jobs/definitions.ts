import type { Db } from '../db/database.ts';
import type { Clock } from '../domain/clock.ts';
import type { TillAccess } from '../services/tills/tillAccess.ts';
import { importNight, type ImportTrigger } from '../services/imports/importNight.ts';
import { listDueImports } from '../services/imports/dueImports.ts';
import { failStaleRuns } from '../db/repositories/importRuns.ts';

export type JobDeps = { db: Db; tills: TillAccess; clock: Clock };

/** A job says when it runs, how often it is retried, and which key makes two copies of it one (Outline's CronTask). */
export type JobDefinition<Data> = {
  name: string;
  /** Cron expression, for scheduled jobs. */
  schedule?: string;
  retries: number;
  retryDelaySeconds: number;
  idempotencyKey: (data: Data) => string;
  run: (deps: JobDeps, data: Data) => Promise<void>;
};

export type ImportNightData = { establishmentId: string; day: string; trigger: ImportTrigger };

export const importNightJob: JobDefinition<ImportNightData> = {
  name: 'import-night',
  retries: 2,
  retryDelaySeconds: 60,
  idempotencyKey: (d) => `${d.establishmentId}:${d.day}`,
  run: async (deps, data) => {
    await importNight(deps.db, deps.tills, data, deps.clock);
  },
};

/** Every 15 minutes: close runs left by a dead process, then find what the schedule owes. */
export const planImportsJob: JobDefinition<Record<string, never>> & {
  plan: (deps: JobDeps) => Promise<ImportNightData[]>;
} = {
  name: 'plan-imports',
  schedule: '*/15 * * * *',
  retries: 0,
  retryDelaySeconds: 0,
  idempotencyKey: () => 'plan-imports',
  plan: async (deps) => {
    const now = deps.clock.now();
    await failStaleRuns(deps.db, new Date(now.getTime() - 30 * 60 * 1000), now);
    return (await listDueImports(deps.db, now)).map((d) => ({ ...d, trigger: 'schedule' as const }));
  },
  run: async () => undefined,
};
