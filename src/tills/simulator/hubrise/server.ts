import type { IncomingMessage, ServerResponse } from 'node:http';
import { decideFault } from '../faults.ts';
import type { Rng } from '../prng.ts';
import { write, type RequestLogEntry, type Timers } from '../server.ts';
import { answerHubrise, hubriseError, type HubriseLocation } from './routes.ts';

const LOCATION = /^\/v1\/locations\/([^/]+)(?:\/(orders|catalogs))?$/;
const SHORT = /^\/v1\/location(?:\/(orders|catalogs))?$/;
const CATALOG = /^\/v1\/catalogs\/([^/]+)(?:\/(categories|products))?$/;

type Route = { target: HubriseLocation | null; unknown: boolean; sub: string };

function route(
  path: string,
  locations: HubriseLocation[],
  byToken: HubriseLocation | undefined,
): Route | null {
  let m = SHORT.exec(path);
  if (m) return { target: byToken ?? null, unknown: false, sub: m[1] ?? 'location' };
  m = LOCATION.exec(path);
  if (m) {
    const id = decodeURIComponent(m[1] ?? '');
    const target = locations.find((l) => l.locationId === id) ?? null;
    return { target, unknown: target === null, sub: m[2] ?? 'location' };
  }
  m = CATALOG.exec(path);
  if (m) {
    const id = decodeURIComponent(m[1] ?? '');
    const target = locations.find((l) => l.catalogId === id) ?? null;
    return { target, unknown: target === null, sub: m[2] ?? 'catalog' };
  }
  return null;
}

/** The API side of the HubRise simulator: routing, then faults, then the token, then the answer. */
export async function handleHubrise(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  locations: HubriseLocation[],
  faultRng: Rng,
  timers: Timers,
  log: RequestLogEntry,
): Promise<void> {
  const token = req.headers['x-access-token'];
  const byToken = locations.find((l) => typeof token === 'string' && token !== '' && l.accessToken === token);
  const found = route(url.pathname, locations, byToken);
  if (!found) return write(res, hubriseError(404, 'not_found', 'ressource inconnue'), null, 'none', timers);
  if (req.method !== 'GET')
    return write(res, hubriseError(405, 'method_not_allowed', 'lecture seule'), null, 'none', timers, {
      allow: 'GET',
    });
  if (found.unknown)
    return write(res, hubriseError(404, 'not_found', 'ressource inconnue'), null, 'none', timers);
  const target = found.target ?? byToken;
  if (!target)
    return write(res, hubriseError(401, 'unauthorized', 'jeton d’accès refusé'), null, 'none', timers);
  log.kmlcode = target.locationId;
  const till = target.till;
  const faults = till.faults;
  if ((faults.latencyMs ?? 0) > 0) await timers.wait(faults.latencyMs ?? 0);
  const fault = decideFault(faults, faultRng);
  switch (fault.kind) {
    case 'drop':
      res.socket?.destroy();
      return;
    case 'server_error':
      return write(res, hubriseError(503, 'service_unavailable', 'indisponible'), till, 'none', timers);
    case 'rate_limited': {
      const seconds = faults.retryAfterSeconds ?? 1;
      const retryAfter = faults.retryAfterAsDate
        ? new Date(Date.now() + seconds * 1000).toUTCString()
        : String(seconds);
      const answer = hubriseError(429, 'rate_limited', 'trop de requêtes');
      return write(res, answer, till, 'none', timers, { 'retry-after': retryAfter });
    }
    case 'malformed':
    case 'truncated':
    case 'none':
      break;
  }
  if (!byToken)
    return write(res, hubriseError(401, 'unauthorized', 'jeton d’accès refusé'), till, 'none', timers);
  // A token is scoped to its location: another location's data is forbidden.
  if (byToken !== target)
    return write(
      res,
      hubriseError(403, 'forbidden', 'jeton d’un autre point de vente'),
      till,
      'none',
      timers,
    );
  const answer = answerHubrise(target, found.sub, url.searchParams);
  const mode = answer.status === 200 && fault.kind !== 'none' ? fault.kind : 'none';
  const headers: Record<string, string> = answer.cursorNext ? { 'x-cursor-next': answer.cursorNext } : {};
  return write(res, answer, till, mode, timers, headers);
}
