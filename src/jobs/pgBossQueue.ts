import PgBoss from 'pg-boss';
import { pgBossPendingDays } from '../services/imports/planImports.ts';
import type { ImportNightData, ImportQueue } from '../services/imports/importQueue.ts';
import {
  importNightJob,
  planImportsJob,
  TASK_JOBS,
  type JobContext,
  type JobDeps,
  type TaskData,
} from './definitions.ts';
import type { TaskKind } from '../services/tasks/taskQueue.ts';

type Logger = { info: (msg: string) => void; error: (msg: string) => void };

/**
 * Server mode: nights are pg-boss jobs on the same PostgreSQL. The `stately` policy with the job's idempotency key
 * as singleton key lets at most one copy of a night be queued and one run at a time, whichever worker takes it.
 */
export async function createPgBossQueue(
  connectionString: string,
  deps: JobDeps,
  options: {
    work: boolean;
    schedule: boolean;
    logger?: Logger;
    pollingIntervalSeconds?: number;
    concurrency?: number;
  },
): Promise<ImportQueue & { boss: PgBoss }> {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', application_name: 'cellier', max: 4 });
  boss.on('error', (error: Error) => options.logger?.error(`pg-boss : ${error.message}`));
  await boss.start();
  await boss.createQueue(importNightJob.name, {
    name: importNightJob.name,
    policy: 'stately',
    retryLimit: importNightJob.retries,
    retryDelay: importNightJob.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  });
  await boss.createQueue(planImportsJob.name, { name: planImportsJob.name, policy: 'singleton' });
  for (const job of Object.values(TASK_JOBS)) {
    await boss.createQueue(job.name, {
      name: job.name,
      policy: 'stately',
      retryLimit: job.retries,
      retryDelay: job.retryDelaySeconds,
      expireInSeconds: 15 * 60,
    });
  }

  const enqueue = async (jobs: readonly ImportNightData[]) => {
    for (const job of jobs) {
      await boss.send(importNightJob.name, job, { singletonKey: importNightJob.idempotencyKey(job) });
    }
  };

  const ctx: JobContext = { ...deps, imports: { enqueue } };
  const enqueueTask = async (kind: TaskKind, taskId: string) => {
    const job = TASK_JOBS[kind];
    const data: TaskData = { taskId };
    await boss.send(job.name, data, { singletonKey: job.idempotencyKey(data) });
  };

  if (options.schedule && planImportsJob.schedule) {
    await boss.schedule(planImportsJob.name, planImportsJob.schedule, {}, { tz: 'UTC' });
  }
  if (options.work) {
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 };
    // Four nights at a time per worker: while some wait on their till, the others write (see bench:import).
    for (let i = 0; i < (options.concurrency ?? 4); i++) {
      await boss.work<ImportNightData>(importNightJob.name, polling, async ([job]) => {
        if (job) await importNightJob.run(ctx, job.data);
      });
    }
    await boss.work(planImportsJob.name, polling, async () => {
      await planImportsJob.run(ctx, {});
    });
    for (const job of Object.values(TASK_JOBS)) {
      await boss.work<TaskData>(job.name, { ...polling, includeMetadata: true }, async ([task]) => {
        if (task) await job.run(ctx, task.data, { last: task.retryCount >= task.retryLimit });
      });
    }
  }

  return {
    mode: 'pg-boss',
    boss,
    enqueue,
    enqueueTask,
    pending: (establishmentId) => pgBossPendingDays(deps.db, importNightJob.name, establishmentId),
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}
