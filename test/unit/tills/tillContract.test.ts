import { afterEach, describe, expect, it } from 'vitest';
import {
  createTillConnector,
  TillError,
  type TillConnector,
  type TillConnectorOptions,
  type TillTicket,
} from '../../../src/tills/connector.ts';
import { createAsterioSimulator } from '../../../src/tills/simulator/index.ts';
import { createHubriseSimulator } from '../../../src/tills/simulator/hubrise/index.ts';
import type { SimFaults } from '../../../src/tills/simulator/faults.ts';
import type { RestaurantTill } from '../../../src/tills/simulator/state.ts';
import { isActiveOn } from '../../../src/tills/simulator/catalogue.ts';
import { NOW, SATURDAY } from './helpers.ts';

/**
 * One contract, every till: each connector is run over real HTTP against its simulator, and both simulators
 * render the same generated truth (RestaurantTill), so each case compares what the connector reads to that truth.
 */
type Harness = {
  till: RestaurantTill;
  setNow: (at: string) => void;
  setFaults: (faults: SimFaults) => void;
  revoke: () => void;
  connect: (options?: TillConnectorOptions) => TillConnector;
  productRequests: () => number;
  close: () => Promise<void>;
};

const base: TillConnectorOptions = {
  allowInsecureLocalhost: true,
  retries: 0,
  timeouts: { connectMs: 1_000, readMs: 2_000, totalMs: 5_000 },
  sleep: () => Promise.resolve(),
  random: () => 0.5,
};

const DRIVERS: { name: string; start: () => Promise<Harness> }[] = [
  {
    name: 'Astério',
    start: async () => {
      const sim = createAsterioSimulator({ seed: 1, now: NOW });
      await sim.listen(0);
      const kml = sim.restaurants[0]?.kmlcode ?? '';
      return {
        till: sim.till(kml),
        setNow: sim.setNow,
        setFaults: (f) => sim.setFaults(kml, f),
        revoke: () => sim.changePassword(kml, 'un-autre-mot-de-passe'),
        connect: (options = {}) =>
          createTillConnector('asterio', sim.credentials(kml), { ...base, ...options }),
        productRequests: () => sim.requestLog.filter((r) => r.path.includes('/products')).length,
        close: sim.close,
      };
    },
  },
  {
    name: 'HubRise',
    start: async () => {
      const sim = createHubriseSimulator({ seed: 1, now: NOW });
      await sim.listen(0);
      const id = sim.locations[0]?.locationId ?? '';
      return {
        till: sim.till(id),
        setNow: sim.setNow,
        setFaults: (f) => sim.setFaults(id, f),
        revoke: () => sim.revokeToken(id, 'jetonrevoquejetonrevoque00000000'),
        connect: (options = {}) =>
          createTillConnector('hubrise', sim.credentials(id), { ...base, now: sim.now, ...options }),
        productRequests: () => sim.requestLog.filter((r) => r.path.includes('/products')).length,
        close: sim.close,
      };
    },
  },
];

/** Net quantity per product over a day's tickets, whatever the till's way of writing refunds. */
function netByProduct(
  tickets: { lines: { productId?: string; tillProductId?: string; quantity: number }[] }[],
) {
  const net = new Map<string, number>();
  for (const t of tickets)
    for (const l of t.lines) {
      const id = l.tillProductId ?? l.productId ?? '';
      net.set(id, (net.get(id) ?? 0) + l.quantity);
    }
  for (const [id, q] of net) if (q === 0) net.delete(id);
  return net;
}

const ticketNet = (tickets: TillTicket[], ticketId: string) =>
  netByProduct(tickets.filter((t) => t.ticketId === ticketId));

describe.each(DRIVERS)('till contract: $name', ({ start }) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it(
    'pages through the catalogue and lists every product the till sells today',
    { timeout: 15_000 },
    async () => {
      h = await start();
      const { products, rejected } = await h.connect({ pageSize: 7 }).listProducts();
      expect(rejected).toEqual([]);
      expect(h.productRequests()).toBeGreaterThan(2);
      const today = h.till.today();
      const truth = h.till.products(today).filter((p) => isActiveOn(p, today));
      const active = products.filter((p) => p.active).map((p) => p.tillProductId);
      expect(new Set(active)).toEqual(new Set(truth.map((p) => p.id)));
      expect(active).toHaveLength(truth.length);
    },
  );

  it('reads a day’s tickets: the net sold per product equals the till’s', { timeout: 15_000 }, async () => {
    h = await start();
    const { tickets, rejected } = await h.connect({ pageSize: 50 }).listTickets(SATURDAY);
    expect(rejected).toEqual([]);
    const truth = netByProduct(h.till.tickets(SATURDAY));
    expect(truth.size).toBeGreaterThan(5);
    expect(netByProduct(tickets)).toEqual(truth);
  });

  it('sees the next-morning correction of a day when it is re-read', { timeout: 15_000 }, async () => {
    h = await start();
    const day = ['2026-03-14', '2026-03-13', '2026-03-12', '2026-03-11', '2026-03-10'].find((d) =>
      h?.till.correction(d),
    );
    const correction = day ? h.till.correction(day) : null;
    if (!day || !correction) throw new Error('aucune correction générée sur ces jours');
    const productId = correction.line.productId;
    h.setNow(new Date(correction.line.soldAt.getTime() - 3_600_000).toISOString());
    const before = netByProduct((await h.connect().listTickets(day)).tickets).get(productId) ?? 0;
    h.setNow(new Date(correction.line.soldAt.getTime() + 60_000).toISOString());
    const after = netByProduct((await h.connect().listTickets(day)).tickets).get(productId) ?? 0;
    expect(after).toBe(before + correction.line.quantity);
  });

  it('takes a cancelled ticket out of the day’s sales', { timeout: 15_000 }, async () => {
    h = await start();
    const connector = h.connect();
    const first = (await connector.listTickets(SATURDAY)).tickets;
    const target = h.till.tickets(SATURDAY).find((t) => t.lines.some((l) => l.quantity > 0));
    if (!target) throw new Error('aucun ticket');
    const readId = first.find((t) =>
      t.ticketId.replace(/\W/g, '').toLowerCase().endsWith(target.ticketId.replace(/\W/g, '').toLowerCase()),
    )?.ticketId;
    expect(readId).toBeDefined();
    expect(ticketNet(first, readId ?? '').size).toBeGreaterThan(0);
    h.till.cancel(target.ticketId);
    const again = (await h.connect().listTickets(SATURDAY)).tickets;
    expect(ticketNet(again, readId ?? '').size).toBe(0);
    expect(netByProduct(again)).toEqual(netByProduct(h.till.tickets(SATURDAY)));
  });

  it('keeps a relabelled product under the same id, with its new label', { timeout: 15_000 }, async () => {
    h = await start();
    const product = h.till.products()[0];
    if (!product) throw new Error('catalogue vide');
    h.till.relabel(product.id, 'CHABLIS 1ER CRU RENOMME');
    const { products } = await h.connect().listProducts();
    const read = products.find((p) => p.tillProductId === product.id);
    expect(read?.label).toBe('CHABLIS 1ER CRU RENOMME');
  });

  it('no longer lists a deleted product as sold', { timeout: 15_000 }, async () => {
    h = await start();
    const today = h.till.today();
    const product = h.till.products().find((p) => isActiveOn(p, today));
    if (!product) throw new Error('catalogue vide');
    h.till.remove(product.id);
    const { products } = await h.connect().listProducts();
    const read = products.find((p) => p.tillProductId === product.id);
    expect(read === undefined || !read.active).toBe(true);
    expect(products.filter((p) => p.active).length).toBeGreaterThan(10);
  });

  it('reports refused credentials as auth_refused, in French', { timeout: 15_000 }, async () => {
    h = await start();
    const connector = h.connect();
    h.revoke();
    const error = await connector.testConnection().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TillError);
    expect((error as TillError).code).toBe('auth_refused');
    expect((error as TillError).message).toMatch(/refuse/);
  });

  it('gives up on a till that stalls, as a timeout', { timeout: 15_000 }, async () => {
    h = await start();
    h.setFaults({ stallMs: 3_000 });
    const started = Date.now();
    const error = await h
      .connect({ timeouts: { connectMs: 500, readMs: 300, totalMs: 1_000 } })
      .listTickets(SATURDAY)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((error as TillError).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('quarantines malformed records and keeps every good one', { timeout: 15_000 }, async () => {
    h = await start();
    h.setFaults({ badRecordRate: 0.2 });
    const connector = h.connect();
    const { tickets, rejected } = await connector.listTickets(SATURDAY);
    expect(rejected.length).toBeGreaterThan(0);
    for (const r of rejected) {
      expect(r.reason).toMatch(/^[\w.]+: /);
      expect(r.raw).toBeDefined();
    }
    const lines = tickets.reduce((n, t) => n + t.lines.length, 0);
    expect(lines).toBeGreaterThan(10);
    const catalogue = await connector.listProducts();
    expect(catalogue.rejected.length).toBeGreaterThan(0);
    expect(catalogue.products.length).toBeGreaterThan(10);
  });
});
