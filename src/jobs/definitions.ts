import { purgeExpiredSessions } from '../services/auth/sessions.ts';
import { purgeExpiredRateLimits } from '../services/rateLimits/rateLimits.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../domain/clock.ts';
import type { TillAccess } from '../services/tills/tillAccess.ts';
import { importNight } from './importNight.ts';
import type { ImportNightData, ImportQueue } from '../services/imports/importQueue.ts';
import { planImports } from '../services/imports/planImports.ts';
import { nightsOfEveryTill } from '../services/imports/tillsToImport.ts';
import type { TaskKind, TaskQueue } from '../services/tasks/taskQueue.ts';
import { runCatalogueTask, runDemoTask } from './taskJobs.ts';

/** What a job may use; `imports` is the queue running it, so that a job can queue others. */
export type JobDeps = { db: Db; tills: TillAccess; clock: Clock };
export type JobContext = JobDeps & { imports: Pick<ImportQueue, 'enqueue'> };
/** Which try this is: a task records its failure as final only on the last one. */
type Attempt = { last: boolean };

/** A job says when it runs, how often it is retried, and which key makes two copies of it one (Outline's CronTask). */
type JobDefinition<Data> = {
  name: string;
  /** Cron expression, for scheduled jobs. */
  schedule?: string;
  retries: number;
  retryDelaySeconds: number;
  idempotencyKey: (data: Data) => string;
  run: (ctx: JobContext, data: Data, attempt?: Attempt) => Promise<void>;
};

export const importNightJob: JobDefinition<ImportNightData> = {
  name: 'import-night',
  retries: 2,
  retryDelaySeconds: 60,
  idempotencyKey: (d) => `${d.establishmentId}:${d.tillId}:${d.day}`,
  run: async (ctx, data) => {
    // A job queued before several tills names none: it becomes that night of every till in use.
    if (!data.tillId) {
      await ctx.imports.enqueue(await nightsOfEveryTill(ctx.db, data));
      return;
    }
    await importNight(ctx.db, ctx.tills, data, ctx.clock);
  },
};

/** Every 15 minutes: close runs left by a dead process, then queue what the schedule owes. */
export const planImportsJob: JobDefinition<Record<string, never>> = {
  name: 'plan-imports',
  schedule: '*/15 * * * *',
  retries: 0,
  retryDelaySeconds: 0,
  idempotencyKey: () => 'plan-imports',
  run: async (ctx) => {
    await purgeExpiredSessions(ctx.db, ctx.clock.now());
    await purgeExpiredRateLimits(ctx.db, ctx.clock.now());
    await ctx.imports.enqueue(await planImports(ctx.db, ctx.clock));
  },
};

/** A member's long work, started by a request that answered 202 with the task id (progress in account_task). */
export type TaskData = { taskId: string };

/** A supplier catalogue: read and checked, staged in batches, then published in one transaction (all or none). */
const supplierCatalogueJob: JobDefinition<TaskData> = {
  name: 'supplier-catalogue',
  retries: 2,
  retryDelaySeconds: 30,
  idempotencyKey: (d) => `supplier-catalogue:${d.taskId}`,
  run: (ctx, data, attempt) => runCatalogueTask(ctx, data.taskId, attempt?.last ?? true),
};

/** The demo, in one transaction: a failure leaves nothing, and the member simply tries again. */
const createDemoJob: JobDefinition<TaskData> = {
  name: 'create-demo',
  retries: 0,
  retryDelaySeconds: 0,
  idempotencyKey: (d) => `create-demo:${d.taskId}`,
  run: (ctx, data) => runDemoTask(ctx, data.taskId),
};

export const TASK_JOBS: Record<TaskKind, JobDefinition<TaskData>> = {
  'supplier-catalogue': supplierCatalogueJob,
  'create-demo': createDemoJob,
};
export type { TaskQueue };
