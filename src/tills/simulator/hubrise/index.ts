import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubriseCredentials } from '../../hubrise/credentials.ts';
import type { SimFaults } from '../faults.ts';
import { loadLibrary } from '../library.ts';
import { randomToken, rngFor } from '../prng.ts';
import { DEFAULT_RESTAURANTS, withCredentials, type RestaurantProfile } from '../restaurants.ts';
import type { RequestLogEntry, Timers } from '../server.ts';
import { RestaurantTill, type Clock } from '../state.ts';
import type { HubriseLocation } from './routes.ts';
import { handleHubrise } from './server.ts';

type HubriseSimulatorOptions = {
  seed: number;
  restaurants?: readonly RestaurantProfile[];
  clock?: Clock;
  now?: Date | string;
  /** Initial faults by location id (`*` for all). */
  faults?: Record<string, SimFaults>;
  libraryDir?: string;
};

export type HubriseSimulator = {
  readonly seed: number;
  readonly locations: readonly HubriseLocation[];
  readonly requestLog: RequestLogEntry[];
  readonly url: string | null;
  listen: (port?: number, host?: string) => Promise<{ url: string }>;
  close: () => Promise<void>;
  /** What HubRise issues for a location, with the simulator's URL as the API origin. */
  credentials: (locationId?: string) => HubriseCredentials & { apiOrigin: string };
  setFaults: (locationId: string, faults: SimFaults) => void;
  clearFaults: () => void;
  /** The connection is revoked: requests with the old token get 401. */
  revokeToken: (locationId: string, newToken: string) => void;
  now: () => Date;
  setNow: (at: Date | string) => void;
  /** The generated truth behind a location, shared in shape with the Astério simulator. */
  till: (locationId?: string) => RestaurantTill;
};

/** `lepetitzinc-70001` → account `lepetitzin`, location `lepetitzin-1`: HubRise's id shape. */
function ids(
  kmlcode: string,
  seed: number,
): { accountId: string; locationId: string; catalogId: string; token: string } {
  const accountId =
    kmlcode
      .replace(/-\d+$/, '')
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 10) || 'compte';
  return {
    accountId,
    locationId: `${accountId}-1`,
    catalogId: `k${accountId}`.slice(0, 12),
    token: randomToken(rngFor(seed, kmlcode, 'hubrise-token'), 32),
  };
}

export function createHubriseSimulator(options: HubriseSimulatorOptions): HubriseSimulator {
  const seed = options.seed;
  const library = loadLibrary(options.libraryDir);
  let manual: Date | null = options.now === undefined ? null : new Date(options.now);
  const clock: Clock = options.clock ?? { now: () => (manual ? new Date(manual) : new Date()) };
  const locations: HubriseLocation[] = (options.restaurants ?? DEFAULT_RESTAURANTS).map((p) => {
    const r = withCredentials(p, seed);
    const { accountId, locationId, catalogId, token } = ids(r.kmlcode, seed);
    return {
      accountId,
      locationId,
      catalogId,
      accessToken: token,
      till: new RestaurantTill(r, seed, library, clock),
    };
  });
  const requestLog: RequestLogEntry[] = [];
  const faultRng = rngFor(seed, 'hubrise-faults');
  const pending = new Set<() => void>();
  const timers: Timers = {
    wait: (ms) =>
      new Promise((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          pending.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        pending.add(done);
      }),
  };
  let url: string | null = null;
  const location = (id?: string): HubriseLocation => {
    const found = id === undefined ? locations[0] : locations.find((l) => l.locationId === id);
    if (!found) throw new Error(`point de vente simulé inconnu : ${id ?? '(aucun)'}`);
    return found;
  };
  const setFaults = (id: string, faults: SimFaults): void => {
    for (const l of id === '*' ? locations : [location(id)]) l.till.faults = { ...faults };
  };
  const setNow = (at: Date | string): void => {
    if (options.clock) throw new Error('horloge externe : setNow impossible');
    const d = new Date(at);
    if (Number.isNaN(d.getTime())) throw new Error(`instant invalide : ${String(at)}`);
    manual = d;
  };
  for (const [id, faults] of Object.entries(options.faults ?? {})) setFaults(id, faults);

  const server = http.createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://simulator.invalid');
    const entry: RequestLogEntry = {
      method: req.method ?? '',
      path: `${parsed.pathname}${parsed.search}`,
      kmlcode: null,
      status: 0,
      userAgent: req.headers['user-agent'] ?? null,
    };
    requestLog.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    handleHubrise(req, res, parsed, locations, faultRng, timers, entry).catch(() => res.destroy());
  });

  return {
    seed,
    locations,
    requestLog,
    get url() {
      return url;
    },
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
          resolve({ url });
        });
      }),
    close: () =>
      new Promise((resolve) => {
        for (const done of [...pending]) done();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    credentials: (id) => {
      const l = location(id);
      if (url === null) throw new Error('simulateur non démarré : appelez listen() d’abord');
      return { locationId: l.locationId, accessToken: l.accessToken, catalogId: null, apiOrigin: url };
    },
    setFaults,
    clearFaults: () => setFaults('*', {}),
    revokeToken: (id, newToken) => {
      location(id).accessToken = newToken;
    },
    now: () => clock.now(),
    setNow,
    till: (id) => location(id).till,
  };
}
