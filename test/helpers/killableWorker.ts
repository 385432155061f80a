import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(ROOT, 'test/helpers/workerMain.ts');

let bundle: string | null = null;

/**
 * The worker script, bundled once per test process with esbuild (tsx's own compiler; packages stay external, so
 * the child loads the same pg-boss, Kysely and pg): a child then starts in ~0.6 s instead of ~1.5 s under
 * `node --import tsx`, which matters when a test spawns dozens. The bundle lives in node_modules/.cache so that
 * the child resolves packages as the sources do. CELLIER_WORKER_TSX=1 runs the sources through tsx instead.
 */
function workerArgs(): string[] {
  if (process.env.CELLIER_WORKER_TSX === '1') return ['--import', 'tsx', MAIN];
  if (!bundle) {
    const dir = path.join(ROOT, 'node_modules/.cache/cellier-test');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `workerMain-${process.pid}.mjs`);
    buildSync({
      entryPoints: [MAIN],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: file,
      logLevel: 'error',
    });
    bundle = file;
  }
  return [bundle];
}

export type WorkerEvent = { event: string; [key: string]: unknown };
export type WorkerExit = { code: number | null; signal: NodeJS.Signals | null };

export type WorkerOptions = {
  databaseUrl: string;
  /** The parent's secret-box key (32 bytes), to open the sealed till passwords. */
  secretKey: Buffer;
  /** ISO instant of a fixed clock; absent, the child uses the system clock. */
  now?: string;
  kill?: { atQuery: number; phase: 'before' | 'after' };
};

/** A pg-boss import worker in its own process (`node --import tsx`), that a test can SIGKILL at any moment. */
export class KillableWorker {
  readonly child: ChildProcess;
  readonly events: WorkerEvent[] = [];
  stderr = '';
  readonly exited: Promise<WorkerExit>;
  private readonly waiters: { match: (e: WorkerEvent) => boolean; resolve: (e: WorkerEvent) => void }[] = [];

  constructor(options: WorkerOptions) {
    this.child = spawn(process.execPath, workerArgs(), {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        WORKER_DATABASE_URL: options.databaseUrl,
        WORKER_SECRET_KEY_HEX: options.secretKey.toString('hex'),
        ...(options.now ? { WORKER_NOW: options.now } : {}),
        ...(options.kill
          ? { WORKER_KILL_AT_QUERY: String(options.kill.atQuery), WORKER_KILL_PHASE: options.kill.phase }
          : {}),
      },
    });
    live.add(this);
    let buffer = '';
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as WorkerEvent;
        this.events.push(event);
        for (const w of [...this.waiters]) {
          if (w.match(event)) {
            this.waiters.splice(this.waiters.indexOf(w), 1);
            w.resolve(event);
          }
        }
      }
    });
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-20_000);
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        live.delete(this);
        resolve({ code, signal });
      });
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves at the first event of that name (past or future); rejects if the process ends first or on timeout. */
  waitFor(name: string, timeoutMs = 30_000): Promise<WorkerEvent> {
    const seen = this.events.find((e) => e.event === name);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`worker: no "${name}" within ${timeoutMs} ms\n${this.stderr}`)),
        timeoutMs,
      );
      const waiter = {
        match: (e: WorkerEvent) => e.event === name,
        resolve: (e: WorkerEvent) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      this.waiters.push(waiter);
      void this.exited.then((exit) => {
        clearTimeout(timer);
        reject(new Error(`worker ended (${exit.signal ?? exit.code}) before "${name}"\n${this.stderr}`));
      });
    });
  }

  kill(): Promise<WorkerExit> {
    if (this.alive) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** Graceful stop (SIGTERM: pg-boss finishes the job in hand); SIGKILL after the timeout. */
  async stop(timeoutMs = 25_000): Promise<WorkerExit> {
    if (!this.alive) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

const live = new Set<KillableWorker>();

/** For afterEach/afterAll: no worker outlives its test, whatever happened. */
export async function killAllWorkers(): Promise<void> {
  await Promise.all([...live].map((w) => w.kill()));
}

process.once('exit', () => {
  for (const w of live) w.child.kill('SIGKILL');
  if (bundle) fs.rmSync(bundle, { force: true });
});
