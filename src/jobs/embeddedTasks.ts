import { TASK_JOBS, type JobContext, type TaskData } from './definitions.ts';
import type { TaskKind } from '../services/tasks/taskQueue.ts';

type Logger = { error: (msg: string) => void };
type Wait = (ms: number) => Promise<void>;

/**
 * The embedded queue's members' tasks: one at a time in arrival order, each job's retries and retry delay
 * honoured, a second copy of a task (same idempotency key) ignored while the first is queued or running.
 */
export function createEmbeddedTasks(ctx: JobContext, wait: Wait, logger?: Logger) {
  type Entry = { kind: TaskKind; data: TaskData; attempt: number };
  const queue: Entry[] = [];
  const keys = new Set<string>();
  const delayed = new Set<Promise<void>>();
  let running: Promise<void> | null = null;
  let stopped = false;

  const pump = (): Promise<void> => {
    if (running || queue.length === 0 || stopped) return running ?? Promise.resolve();
    running = (async () => {
      while (!stopped && queue.length > 0) {
        const entry = queue.shift();
        if (!entry) break;
        const job = TASK_JOBS[entry.kind];
        const last = entry.attempt >= job.retries;
        try {
          await job.run(ctx, entry.data, { last });
          keys.delete(job.idempotencyKey(entry.data));
        } catch (error) {
          logger?.error(`${job.name} : ${error instanceof Error ? error.message : String(error)}`);
          if (last) keys.delete(job.idempotencyKey(entry.data));
          else {
            const waiting: Promise<void> = wait(job.retryDelaySeconds * 1000).then(() => {
              delayed.delete(waiting);
              if (stopped) return;
              queue.push({ ...entry, attempt: entry.attempt + 1 });
              void pump();
            });
            delayed.add(waiting);
          }
        }
      }
      running = null;
    })();
    return running;
  };

  return {
    enqueueTask: async (kind: TaskKind, taskId: string) => {
      const data = { taskId };
      const key = TASK_JOBS[kind].idempotencyKey(data);
      if (keys.has(key)) return;
      keys.add(key);
      queue.push({ kind, data, attempt: 0 });
      void pump();
    },
    busy: () => running !== null || delayed.size > 0 || queue.length > 0,
    settle: async () => {
      if (running) await running;
      else if (delayed.size > 0) await Promise.all(delayed);
    },
    stop: async () => {
      stopped = true;
      if (running) await running;
    },
  };
}
