import type { TillLogger } from '../connector.ts';
import { TillError } from '../errors.ts';
import { attemptGet, header, type AttemptConfig } from './attempt.ts';
import { backoffDelay, type BackoffPolicy } from './retry.ts';

export type TransportConfig = AttemptConfig & {
  retries: number;
  backoff: BackoffPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  logger: TillLogger | undefined;
};

/** A GET-only transport: the connector has no way to send anything else to the till. */
export type GetJson = (url: URL) => Promise<unknown>;
/** The same GET, when the caller also needs a response header (a cursor, for instance). */
export type GetResponse = (
  url: URL,
) => Promise<{ json: unknown; header: (name: string) => string | undefined }>;

export function createTransport(config: TransportConfig): GetJson {
  const get = createResponseTransport(config);
  return async (url) => (await get(url)).json;
}

export function createResponseTransport(config: TransportConfig): GetResponse {
  const log = config.logger;
  return async (url) => {
    const path = `${url.pathname}${url.search}`;
    let lastError: TillError | undefined;
    for (let attempt = 0; attempt <= config.retries; attempt += 1) {
      const started = Date.now();
      let outcome;
      try {
        outcome = await attemptGet(url, config);
      } catch (error) {
        // attemptGet only throws TillErrors; anything else is a bug, still surfaced as a TillError.
        const e =
          error instanceof TillError
            ? error
            : new TillError('unexpected_response', undefined, config.redact(`${path}: ${String(error)}`));
        log?.warn?.('till request failed', {
          method: 'GET',
          path,
          attempt,
          code: e.code,
          ms: Date.now() - started,
        });
        throw e;
      }
      const ms = Date.now() - started;
      if (outcome.kind === 'ok') {
        log?.debug?.('till request', { method: 'GET', path, status: outcome.status, attempt, ms });
        const headers = outcome.headers;
        return { json: outcome.json, header: (name: string) => header(headers, name.toLowerCase()) };
      }
      lastError = outcome.error;
      if (attempt === config.retries || config.signal?.aborted) break;
      const delay = outcome.retryAfterMs ?? backoffDelay(config.backoff, attempt, config.random);
      log?.warn?.('till request retried', {
        method: 'GET',
        path,
        status: outcome.status,
        code: outcome.error.code,
        attempt,
        ms,
        retryInMs: delay,
      });
      await config.sleep(delay);
    }
    // The loop always runs at least once and only breaks after setting lastError.
    throw lastError as TillError;
  };
}
