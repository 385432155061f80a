import { importNightJob, planImportsJob, type JobContext, type JobDeps } from './definitions.ts';
import type { ImportNightData, ImportQueue } from '../services/imports/importQueue.ts';
import { createEmbeddedTasks } from './embeddedTasks.ts';

type Logger = { info: (msg: string) => void; error: (msg: string) => void };

export type EmbeddedQueue = ImportQueue & {
  /** Resolves once nothing runs, waits or is queued (retries included). */
  drain: () => Promise<void>;
  /** Runs the planner now (the timer runs it every `tickMs`). */
  plan: () => Promise<void>;
};
type Wait = (ms: number) => Promise<void>;

/** A timer that never keeps the process alive on its own. */
const timerWait: Wait = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `npm start`: one process, one FIFO of nights, imported one at a time; a timer plans the schedule. Duplicate
 * requests for the same night collapse on the job's idempotency key. A failed night waits its job's retry delay
 * outside the FIFO (the others go on), then returns to the end of it.
 */
export function createEmbeddedQueue(
  deps: JobDeps,
  options: { tickMs?: number; logger?: Logger; schedule?: boolean; wait?: Wait } = {},
): EmbeddedQueue {
  const wait = options.wait ?? timerWait;
  type Entry = { job: ImportNightData; attempt: number };
  const queue: Entry[] = [];
  const keys = new Set<string>();
  const delayed = new Map<Promise<void>, Entry>();
  let active: Entry | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const retryLater = (entry: Entry) => {
    const next = { job: entry.job, attempt: entry.attempt + 1 };
    const waiting: Promise<void> = wait(importNightJob.retryDelaySeconds * 1000).then(() => {
      delayed.delete(waiting);
      if (stopped) return;
      queue.push(next);
      void pump();
    });
    delayed.set(waiting, next);
  };

  const pump = (): Promise<void> => {
    // Nothing to do: starting a loop now would end before `running` is set, and leave it set forever.
    if (running || queue.length === 0 || stopped) return running ?? Promise.resolve();
    running = (async () => {
      while (!stopped && queue.length > 0) {
        active = queue.shift() ?? null;
        if (!active) break;
        const entry = active;
        try {
          await importNightJob.run(ctx, entry.job);
          keys.delete(importNightJob.idempotencyKey(entry.job));
        } catch (error) {
          if (entry.attempt < importNightJob.retries) {
            options.logger?.error(`import ${entry.job.day} (nouvel essai plus tard) : ${message(error)}`);
            retryLater(entry);
          } else {
            options.logger?.error(`import ${entry.job.day} : ${message(error)}`);
            keys.delete(importNightJob.idempotencyKey(entry.job));
          }
        } finally {
          active = null;
        }
      }
      running = null;
    })();
    return running;
  };

  const enqueue = async (jobs: readonly ImportNightData[]) => {
    for (const job of jobs) {
      const key = importNightJob.idempotencyKey(job);
      if (keys.has(key)) continue;
      keys.add(key);
      queue.push({ job, attempt: 0 });
    }
    void pump();
  };
  const ctx: JobContext = { ...deps, imports: { enqueue } };
  const tasks = createEmbeddedTasks(ctx, wait, options.logger);

  const plan = async () => {
    try {
      await planImportsJob.run(ctx, {});
    } catch (error) {
      options.logger?.error(`planification des imports : ${message(error)}`);
    }
  };

  let timer: NodeJS.Timeout | undefined;
  if (options.schedule !== false) {
    timer = setInterval(() => void plan(), options.tickMs ?? 15 * 60 * 1000);
    timer.unref();
    void plan();
  }

  return {
    mode: 'embedded',
    enqueue,
    enqueueTask: tasks.enqueueTask,
    plan,
    pending: async (establishmentId) => [
      ...new Set(
        [...(active ? [active] : []), ...queue, ...delayed.values()]
          .filter((e) => e.job.establishmentId === establishmentId)
          .map((e) => e.job.day),
      ),
    ],
    drain: async () => {
      // A task (the demo) may queue nights, and nights run beside tasks: wait until both are idle.
      while (running || delayed.size > 0 || tasks.busy()) {
        if (tasks.busy()) await tasks.settle();
        else if (running) await running;
        else await Promise.all(delayed.keys());
      }
    },
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await tasks.stop();
      if (running) await running;
    },
  };
}
