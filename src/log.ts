import type { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

export type { Logger };

/** What never reaches a log line: session cookies, CSRF tokens, passwords. */
export const LOG_REDACT = ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.body.password'];

/** The process's pino logger (Fastify's logger is pino too, with the same level and redactions). */
export function createLogger(options: { level?: string; stream?: Writable; enabled?: boolean } = {}): Logger {
  const enabled = options.enabled ?? true;
  // A disabled logger opens no stream on stdout (in-process tests build many apps).
  const stream = enabled ? (options.stream ?? pino.destination(1)) : { write: () => undefined };
  return pino({ level: options.level ?? 'info', redact: LOG_REDACT, enabled }, stream);
}
