import type { FastifyReply } from 'fastify';
import { untilAborted } from '../db/cancellable.ts';
import type { Db } from '../db/database.ts';

/**
 * Aborted when the client goes away before its answer is sent (closed tab, cancelled fetch): long work such as a
 * call to the till stops instead of running for nobody.
 */
export function clientGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/**
 * For the expensive reads: `work` runs on one connection while the client waits. When it goes away, no further
 * statement is sent and, on PostgreSQL, the running one is cancelled (src/db/cancellable.ts).
 */
export function whileClientWaits<T>(db: Db, reply: FastifyReply, work: (db: Db) => Promise<T>): Promise<T> {
  return untilAborted(db, clientGone(reply), work);
}
