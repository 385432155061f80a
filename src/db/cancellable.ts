import {
  sql,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

/** The work of a request was stopped because its client went away: nobody is waiting for the answer. */
export class WorkAbandoned extends Error {
  constructor() {
    super('Requête abandonnée par le client');
    this.name = 'WorkAbandoned';
  }
}

/** No statement is sent once the signal is aborted (both engines). */
class StopWhenAborted implements KyselyPlugin {
  constructor(private readonly signal: AbortSignal) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.signal.aborted) throw new WorkAbandoned();
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

// pg's client has no cancel API: a running statement is cancelled with pg_cancel_backend(pid), sent over a
// connection of its own, so that it never waits behind the pool's busy connections (those it would cancel).
const cancellers = new WeakMap<Db, (pid: number) => Promise<void>>();

/** Called by openPostgres: statements of `db` can then be cancelled. Returns the closer of the cancel pool. */
export function registerCanceller(db: Db, connectionString: string): () => Promise<void> {
  let pool: pg.Pool | undefined;
  cancellers.set(db, async (pid) => {
    if (!pool) {
      pool = new pg.Pool({ connectionString, max: 2, idleTimeoutMillis: 10_000 });
      pool.on('error', () => undefined); // an idle cancel connection dropped by the server: the pool reconnects
    }
    await pool.query('select pg_cancel_backend($1)', [pid]);
  });
  return async () => {
    await pool?.end();
  };
}

/**
 * Runs `work` on one connection of `db`, until `signal` aborts (the HTTP client went away):
 * - no further statement is sent (both engines; on PGlite a request still queued for the one connection
 *   gives its turn up as soon as it gets it);
 * - on PostgreSQL, the statement running at that moment is cancelled (pg_cancel_backend of the connection's
 *   backend). The connection is held until the cancel has been delivered, so the cancel can never hit the next
 *   user of that connection (a backend idle between statements ignores a cancel).
 * PGlite runs a statement inside the process with no interrupt: the running statement finishes.
 * Then `work` rejects with WorkAbandoned. A transaction opened inside `work` is rolled back.
 */
export async function untilAborted<T>(db: Db, signal: AbortSignal, work: (db: Db) => Promise<T>): Promise<T> {
  if (signal.aborted) throw new WorkAbandoned();
  const cancel = cancellers.get(db);
  return db
    .withPlugin(new StopWhenAborted(signal))
    .connection()
    .execute(async (conn) => {
      let cancelling: Promise<void> | undefined;
      let onAbort: (() => void) | undefined;
      try {
        if (cancel) {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn);
          const pid = rows[0]?.pid;
          if (pid !== undefined) {
            onAbort = () => {
              cancelling = cancel(pid).catch(() => undefined);
            };
            signal.addEventListener('abort', onAbort, { once: true });
          }
        }
        return await work(conn);
      } catch (error) {
        throw signal.aborted ? new WorkAbandoned() : error;
      } finally {
        if (onAbort) signal.removeEventListener('abort', onAbort);
        await cancelling;
      }
    });
}
