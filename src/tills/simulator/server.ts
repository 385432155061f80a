import type { IncomingMessage, ServerResponse } from 'node:http';
import { decideFault } from './faults.ts';
import type { Rng } from './prng.ts';
import { answerApi, apiError, type ApiAnswer } from './routes.ts';
import type { RestaurantTill } from './state.ts';

export type RequestLogEntry = {
  method: string;
  path: string;
  kmlcode: string | null;
  status: number;
  userAgent: string | null;
};

const API = /^\/genericdata\/v1\/([^/]+)\/sites\/([^/]+)\/(.+)$/;

function authorised(req: IncomingMessage, till: RestaurantTill): boolean {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return (
    colon > 0 &&
    decoded.slice(0, colon) === till.restaurant.identifier &&
    decoded.slice(colon + 1) === till.restaurant.password
  );
}

export type Timers = { wait: (ms: number) => Promise<void> };

/** Writes an answer, applying the body faults (padding, garbage, truncation, stall). */
export async function write(
  res: ServerResponse,
  answer: ApiAnswer,
  till: RestaurantTill | null,
  mode: 'none' | 'malformed' | 'truncated',
  timers: Timers,
  headers: Record<string, string> = {},
): Promise<void> {
  let body = answer.body;
  const pad = till?.faults.padBytes ?? 0;
  if (pad > 0 && typeof body === 'object' && body !== null) body = { ...body, padding: 'x'.repeat(pad) };
  let text = JSON.stringify(body);
  let type = 'application/json; charset=utf-8';
  if (mode === 'malformed') {
    text = '<html><body><h1>502 Bad Gateway</h1>\u0000\u00ff</body></html>';
    type = 'text/html';
  } else if (mode === 'truncated') text = text.slice(0, Math.floor(text.length / 2));
  const bytes = Buffer.from(text, 'utf8');
  res.writeHead(answer.status, { 'content-type': type, 'content-length': String(bytes.length), ...headers });
  const stall = till?.faults.stallMs ?? 0;
  if (stall > 0 && bytes.length > 1) {
    res.write(bytes.subarray(0, 1));
    await timers.wait(stall);
    if (!res.destroyed) res.end(bytes.subarray(1));
    return;
  }
  res.end(bytes);
}

/** The API side of the simulator: routing by kmlcode in the path, then faults, auth and site. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  tills: Map<string, RestaurantTill>,
  faultRng: Rng,
  timers: Timers,
  log: RequestLogEntry,
): Promise<void> {
  const match = API.exec(url.pathname);
  if (!match) return write(res, apiError(404, 'NOT_FOUND', 'ressource inconnue'), null, 'none', timers);
  const [, kml = '', site = '', sub = ''] = match;
  log.kmlcode = decodeURIComponent(kml);
  if (req.method !== 'GET') {
    return write(res, apiError(405, 'METHOD_NOT_ALLOWED', 'lecture seule'), null, 'none', timers, {
      allow: 'GET',
    });
  }
  const till = tills.get(log.kmlcode);
  if (!till) return write(res, apiError(404, 'KMLCODE_UNKNOWN', 'kmlcode inconnu'), null, 'none', timers);
  const faults = till.faults;
  if ((faults.latencyMs ?? 0) > 0) await timers.wait(faults.latencyMs ?? 0);
  const fault = decideFault(faults, faultRng);
  switch (fault.kind) {
    case 'drop':
      res.socket?.destroy();
      return;
    case 'server_error':
      return write(res, apiError(503, 'UNAVAILABLE', 'service indisponible'), till, 'none', timers);
    case 'rate_limited': {
      const seconds = faults.retryAfterSeconds ?? 1;
      const retryAfter = faults.retryAfterAsDate
        ? new Date(Date.now() + seconds * 1000).toUTCString()
        : String(seconds);
      const answer = apiError(429, 'RATE_LIMITED', 'trop de requêtes');
      return write(res, answer, till, 'none', timers, { 'retry-after': retryAfter });
    }
    case 'malformed':
    case 'truncated':
    case 'none':
      break;
  }
  if (!authorised(req, till)) {
    const answer = apiError(401, 'AUTH_FAILED', 'identifiant ou mot de passe refusé');
    return write(res, answer, till, 'none', timers, { 'www-authenticate': 'Basic realm="Generic Data"' });
  }
  if (decodeURIComponent(site) !== till.restaurant.siteCode) {
    return write(res, apiError(404, 'SITE_UNKNOWN', 'code site inconnu'), till, 'none', timers);
  }
  const answer = answerApi(till, sub, url.searchParams);
  const mode = answer.status === 200 && fault.kind !== 'none' ? fault.kind : 'none';
  return write(res, answer, till, mode, timers);
}
