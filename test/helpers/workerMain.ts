/**
 * A real pg-boss import worker, run as a child process by tests and the import bench (see killableWorker.ts).
 *
 * Environment:
 * - WORKER_DATABASE_URL: the PostgreSQL database (required).
 * - WORKER_SECRET_KEY_HEX: the 32-byte secret-box key of the parent, hex-encoded, to open till passwords.
 * - WORKER_NOW: an ISO instant for a fixed clock; absent, the system clock.
 * - WORKER_KILL_AT_QUERY / WORKER_KILL_PHASE (`before` | `after`): SIGKILL itself just before the N-th SQL
 *   statement of the import is sent, or just after its result arrived (1-based, counting every statement the
 *   importer sends through Kysely, transaction ones included).
 *
 * Writes JSON lines on stdout: `{"event":"ready"}` once it polls, `{"event":"started"}` at the import's first
 * statement, `{"event":"kill","query":N}` right before killing itself.
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { openPostgres } from '../../src/db/database.ts';
import { fixedClock, systemClock } from '../../src/domain/clock.ts';
import { createPgBossQueue } from '../../src/jobs/pgBossQueue.ts';
import { createSecretBox } from '../../src/services/secrets.ts';
import type { TillAccess } from '../../src/services/tills/tillAccess.ts';

const say = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

/** Counts the statements the importer sends and dies by SIGKILL at the chosen one. */
class KillAtQuery implements KyselyPlugin {
  private count = 0;
  private readonly index = new WeakMap<object, number>();
  constructor(
    private readonly killAt: number | null,
    private readonly phase: 'before' | 'after',
  ) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    this.index.set(args.queryId, this.count);
    if (this.count === 1) say({ event: 'started' });
    if (this.killAt === this.count && this.phase === 'before') this.die();
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.killAt !== null && this.index.get(args.queryId) === this.killAt && this.phase === 'after')
      this.die();
    return args.result;
  }

  private die(): void {
    say({ event: 'kill', query: this.count });
    process.kill(process.pid, 'SIGKILL');
  }
}

async function main(): Promise<void> {
  const url = process.env.WORKER_DATABASE_URL;
  const keyHex = process.env.WORKER_SECRET_KEY_HEX;
  if (!url || !keyHex) throw new Error('WORKER_DATABASE_URL and WORKER_SECRET_KEY_HEX are required');
  const killAt = process.env.WORKER_KILL_AT_QUERY ? Number(process.env.WORKER_KILL_AT_QUERY) : null;
  const phase = process.env.WORKER_KILL_PHASE === 'after' ? 'after' : 'before';

  const handle = await openPostgres(url);
  const db = handle.db.withPlugin(new KillAtQuery(killAt, phase));
  const tills: TillAccess = {
    secrets: createSecretBox(Buffer.from(keyHex, 'hex')),
    connectorOptions: {
      retries: 3,
      backoff: { baseMs: 1, maxMs: 5 },
      timeouts: { connectMs: 2000, readMs: 5000, totalMs: 10000 },
    },
    allowInsecureLocalhost: true,
  };
  const clock = process.env.WORKER_NOW ? fixedClock(process.env.WORKER_NOW) : systemClock;
  const queue = await createPgBossQueue(
    url,
    { db, tills, clock },
    {
      work: true,
      schedule: false,
      pollingIntervalSeconds: 0.5,
      logger: { info: () => undefined, error: (m) => process.stderr.write(`${m}\n`) },
    },
  );
  say({ event: 'ready', pid: process.pid });
  const shutdown = async (): Promise<void> => {
    await queue.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
