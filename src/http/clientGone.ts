import type { FastifyReply } from 'fastify';

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
