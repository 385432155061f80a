import { importNightJob, planImportsJob, type ImportNightData, type JobDeps } from './definitions.ts';
import type { ImportQueue } from './queue.ts';

type Logger = { info: (msg: string) => void; error: (msg: string) => void };

/**
 * `npm start`: one process, one FIFO of nights, imported one at a time; a timer plans the schedule. Duplicate
 * requests for the same night collapse on the job's idempotency key.
 */
export function createEmbeddedQueue(
  deps: JobDeps,
  options: { tickMs?: number; logger?: Logger; schedule?: boolean } = {},
): ImportQueue & { drain: () => Promise<void> } {
  const queue: ImportNightData[] = [];
  const keys = new Set<string>();
  let active: ImportNightData | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const pump = (): Promise<void> => {
    running ??= (async () => {
      while (!stopped && queue.length > 0) {
        active = queue.shift() ?? null;
        if (!active) break;
        try {
          await runWithRetries(deps, active);
        } catch (error) {
          options.logger?.error(
            `import ${active.day}: ${error instanceof Error ? error.message : String(error)}`,
          );
        } finally {
          keys.delete(importNightJob.idempotencyKey(active));
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
      queue.push(job);
    }
    void pump();
  };

  let timer: NodeJS.Timeout | undefined;
  if (options.schedule !== false) {
    const tick = async () => {
      try {
        await enqueue(await planImportsJob.plan(deps));
      } catch (error) {
        options.logger?.error(
          `planification des imports : ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    };
    timer = setInterval(() => void tick(), options.tickMs ?? 15 * 60 * 1000);
    timer.unref();
    void tick();
  }

  return {
    mode: 'embedded',
    enqueue,
    pending: async (establishmentId) =>
      [...(active ? [active] : []), ...queue]
        .filter((j) => j.establishmentId === establishmentId)
        .map((j) => j.day),
    drain: async () => {
      while (running) await running;
    },
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      if (running) await running;
    },
  };
}

async function runWithRetries(deps: JobDeps, job: ImportNightData): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await importNightJob.run(deps, job);
      return;
    } catch (error) {
      if (attempt >= importNightJob.retries) throw error;
    }
  }
}
