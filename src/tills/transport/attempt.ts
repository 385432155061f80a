import { request, type Dispatcher } from 'undici';
import { TillError } from '../errors.ts';
import { parseRetryAfter } from './retry.ts';
import { ADDRESS_REFUSED } from '../network/guardedLookup.ts';
import { REFUSED_ADDRESS_MESSAGE } from '../network/hostPolicy.ts';

export type AttemptConfig = {
  dispatcher: Dispatcher;
  headers: Record<string, string>;
  readMs: number;
  totalMs: number;
  maxBytes: number;
  retryAfterCapMs: number;
  redact: (text: string) => string;
  signal?: AbortSignal | undefined;
};

/** One GET. `retry` outcomes may be tried again; a thrown TillError is final. */
type AttemptOutcome =
  | { kind: 'ok'; status: number; json: unknown; headers: Dispatcher.ResponseData['headers'] }
  | { kind: 'retry'; status: number | null; error: TillError; retryAfterMs: number | null };

// Connection failures that are worth a second try; DNS and TLS failures are configuration errors.
const TRANSIENT_NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUTS = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'UNKNOWN';
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  if (name === 'TimeoutError' || name === 'AbortError') return 'ABORT_TIMEOUT';
  return cause === undefined ? (typeof name === 'string' ? name : 'UNKNOWN') : errorCode(cause);
}

function classifyNetworkError(error: unknown, where: string, redact: (t: string) => string): AttemptOutcome {
  const code = errorCode(error);
  const detail = redact(`${where}: ${code}`);
  if (TIMEOUTS.has(code) || code === 'ABORT_TIMEOUT') {
    return {
      kind: 'retry',
      status: null,
      error: new TillError('timeout', undefined, detail),
      retryAfterMs: null,
    };
  }
  if (TRANSIENT_NETWORK.has(code)) {
    return {
      kind: 'retry',
      status: null,
      error: new TillError('unreachable', undefined, detail),
      retryAfterMs: null,
    };
  }
  if (code === ADDRESS_REFUSED) throw new TillError('unreachable', REFUSED_ADDRESS_MESSAGE, detail);
  if (/CERT|TLS|SSL/i.test(code)) {
    throw new TillError('unreachable', 'Le certificat https de la caisse est invalide.', detail);
  }
  throw new TillError('unreachable', undefined, detail);
}

/** Drops a body we refuse to read; the listener keeps undici's abort error from going uncaught. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

async function readCapped(
  body: Dispatcher.ResponseData['body'],
  maxBytes: number,
  where: string,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      discard(body);
      throw new TillError('too_large', undefined, `${where}: plus de ${maxBytes} octets`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function attemptGet(url: URL, config: AttemptConfig): Promise<AttemptOutcome> {
  const where = `GET ${url.pathname}${url.search}`;
  let response: Dispatcher.ResponseData;
  try {
    response = await request(url, {
      method: 'GET',
      headers: config.headers,
      dispatcher: config.dispatcher,
      headersTimeout: config.readMs,
      bodyTimeout: config.readMs,
      signal: config.signal
        ? AbortSignal.any([AbortSignal.timeout(config.totalMs), config.signal])
        : AbortSignal.timeout(config.totalMs),
    });
  } catch (error) {
    return classifyNetworkError(error, where, config.redact);
  }
  const status = response.statusCode;
  const declared = Number(header(response.headers, 'content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > config.maxBytes) {
    discard(response.body);
    throw new TillError('too_large', undefined, `${where}: ${declared} octets annoncés`);
  }
  let text: string;
  try {
    text = await readCapped(response.body, config.maxBytes, where);
  } catch (error) {
    if (error instanceof TillError) throw error;
    return classifyNetworkError(error, where, config.redact);
  }
  const detail = (extra: string): string => config.redact(`${where}: HTTP ${status}${extra}`);
  if (status === 401 || status === 403) throw new TillError('auth_refused', undefined, detail(''));
  if (status === 404) throw new TillError('unknown_site', undefined, detail(''));
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(
      header(response.headers, 'retry-after'),
      Date.now(),
      config.retryAfterCapMs,
    );
    return {
      kind: 'retry',
      status,
      error: new TillError('rate_limited', undefined, detail('')),
      retryAfterMs,
    };
  }
  if (status === 408)
    return {
      kind: 'retry',
      status,
      error: new TillError('timeout', undefined, detail('')),
      retryAfterMs: null,
    };
  if (status >= 500) {
    return {
      kind: 'retry',
      status,
      error: new TillError('server_error', undefined, detail('')),
      retryAfterMs: null,
    };
  }
  if (status !== 200) {
    // Never the body: it would turn "Tester la connexion" into a reader of other hosts' pages.
    throw new TillError('unexpected_response', undefined, detail(` ${text.length} octets`));
  }
  try {
    return { kind: 'ok', status, json: JSON.parse(text) as unknown, headers: response.headers };
  } catch {
    // A cut or garbled body is often a transient proxy or network fault: a GET may be tried again.
    const error = new TillError(
      'unexpected_response',
      'La caisse a envoyé une réponse illisible (JSON invalide).',
      detail(` ${text.length} octets`),
    );
    return { kind: 'retry', status, error, retryAfterMs: null };
  }
}
