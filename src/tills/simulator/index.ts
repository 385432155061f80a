import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AsterioCredentials } from '../asterio/credentials.ts';
import { handleControl } from './control.ts';
import type { SimFaults } from './faults.ts';
import { loadLibrary } from './library.ts';
import { rngFor } from './prng.ts';
import {
  DEFAULT_RESTAURANTS,
  withCredentials,
  type RestaurantProfile,
  type SimRestaurant,
} from './restaurants.ts';
import { handleApi, type RequestLogEntry, type Timers } from './server.ts';
import { RestaurantTill, type Clock } from './state.ts';

export type { SimFaults } from './faults.ts';
export { parseFaults } from './faults.ts';
export type { RestaurantProfile, SimRestaurant } from './restaurants.ts';
export { DEFAULT_RESTAURANTS } from './restaurants.ts';
export type { RequestLogEntry } from './server.ts';
export type { RestaurantTill, Clock } from './state.ts';
export type { SimTicket, SimLine } from './tickets.ts';
export type { SimProduct } from './catalogue.ts';

export type AsterioSimulatorOptions = {
  seed: number;
  restaurants?: readonly RestaurantProfile[];
  /** An external clock (e.g. the app's); then setNow() is refused. */
  clock?: Clock;
  /** Start a manual clock at this instant; without `clock` or `now`, the real time is used. */
  now?: Date | string;
  /** Initial faults by kmlcode (`*` for all). */
  faults?: Record<string, SimFaults>;
  libraryDir?: string;
};

export type AsterioSimulator = {
  readonly seed: number;
  readonly restaurants: readonly SimRestaurant[];
  readonly requestLog: RequestLogEntry[];
  /** `http://127.0.0.1:PORT` once listening. */
  readonly url: string | null;
  listen: (port?: number, host?: string) => Promise<{ url: string }>;
  close: () => Promise<void>;
  /** Credentials as Astério would issue them, with the simulator's URL as domain. */
  credentials: (kmlcode?: string) => AsterioCredentials;
  /** Replaces a restaurant's faults (`*`: every restaurant). */
  setFaults: (kmlcode: string, faults: SimFaults) => void;
  clearFaults: () => void;
  /** The till's password changes: requests with the old one get 401. */
  changePassword: (kmlcode: string, password: string) => void;
  now: () => Date;
  setNow: (at: Date | string) => void;
  advance: (ms: number) => void;
  /** The generated truth of one restaurant, for tests and the demo seeding. */
  till: (kmlcode?: string) => RestaurantTill;
};

export function createAsterioSimulator(options: AsterioSimulatorOptions): AsterioSimulator {
  const seed = options.seed;
  const library = loadLibrary(options.libraryDir);
  let manual: Date | null = options.now === undefined ? null : new Date(options.now);
  const clock: Clock = options.clock ?? { now: () => (manual ? new Date(manual) : new Date()) };
  const restaurants = (options.restaurants ?? DEFAULT_RESTAURANTS).map((p) => withCredentials(p, seed));
  const tills = new Map(restaurants.map((r) => [r.kmlcode, new RestaurantTill(r, seed, library, clock)]));
  const requestLog: RequestLogEntry[] = [];
  const faultRng = rngFor(seed, 'faults');
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

  const till = (kmlcode?: string): RestaurantTill => {
    const found = kmlcode === undefined ? tills.values().next().value : tills.get(kmlcode);
    if (!found) throw new Error(`restaurant simulé inconnu : ${kmlcode ?? '(aucun)'}`);
    return found;
  };
  const setFaults = (kmlcode: string, faults: SimFaults): void => {
    for (const t of kmlcode === '*' ? tills.values() : [till(kmlcode)]) t.faults = { ...faults };
  };
  const setNow = (at: Date | string): void => {
    if (options.clock) throw new Error('horloge externe : setNow impossible');
    const d = new Date(at);
    if (Number.isNaN(d.getTime())) throw new Error(`instant invalide : ${String(at)}`);
    manual = d;
  };
  const control = {
    setFaults,
    clearFaults: () => setFaults('*', {}),
    changePassword: (kmlcode: string, password: string) => {
      till(kmlcode).restaurant.password = password;
    },
    setNow,
    setPrice: (kmlcode: string, productId: string, priceCents: number) =>
      till(kmlcode).setPrice(productId, priceCents),
    addSale: (kmlcode: string, sale: { day: string; productId: string; quantity: number; at: Date }) =>
      till(kmlcode).addSale(sale),
  };
  for (const [kml, faults] of Object.entries(options.faults ?? {})) setFaults(kml, faults);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const entry: RequestLogEntry = {
      method: req.method ?? '',
      path: `${url.pathname}${url.search}`,
      kmlcode: null,
      status: 0,
      userAgent: req.headers['user-agent'] ?? null,
    };
    requestLog.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    const work = url.pathname.startsWith('/__control/')
      ? handleControl(req, url.pathname.slice('/__control/'.length), control).then(({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        })
      : handleApi(req, res, url, tills, faultRng, timers, entry);
    work.catch(() => res.destroy());
  });

  return {
    seed,
    restaurants,
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
    credentials: (kmlcode) => {
      const r = till(kmlcode).restaurant;
      if (url === null) throw new Error('simulateur non démarré : appelez listen() d’abord');
      return {
        domain: url,
        kmlcode: r.kmlcode,
        siteCode: r.siteCode,
        identifier: r.identifier,
        password: r.password,
      };
    },
    setFaults,
    clearFaults: control.clearFaults,
    changePassword: control.changePassword,
    now: () => clock.now(),
    setNow,
    advance: (ms) => setNow(new Date(clock.now().getTime() + ms)),
    till,
  };
}
