import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AsterioSimulator } from '../../../src/tills/simulator/index.ts';
import { BUSY, HALLES, SATURDAY, ZINC, apiRequests, connect, startSimulator } from './helpers.ts';

let sim: AsterioSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

describe('Astério connector against the simulator', () => {
  it('tests the connection: site name and product count', { timeout: 5_000 }, async () => {
    const { connector } = connect(sim, HALLES);
    const result = await connector.testConnection();
    expect(result).toEqual({
      siteName: 'Les Halles Gourmandes',
      productCount: sim.till(HALLES).products().length,
    });
  });

  it('lists the catalogue exactly as the till holds it today', { timeout: 5_000 }, async () => {
    const { connector } = connect(sim, ZINC);
    const { products, rejected } = await connector.listProducts();
    const truth = sim.till(ZINC).products();
    expect(rejected).toEqual([]);
    expect(products.map((p) => p.tillProductId)).toEqual(truth.map((p) => p.id));
    const first = truth[0];
    expect(products[0]).toMatchObject({
      tillProductId: first?.id,
      family: first?.family.label,
      vatRate: first?.vatRate,
    });
    expect(products.every((p) => p.priceCents !== null && Number.isInteger(p.priceCents))).toBe(true);
  });

  it(
    'returns every ticket and line of a busy night, page after page, as generated',
    { timeout: 15_000 },
    async () => {
      const { connector } = connect(sim, BUSY);
      const before = apiRequests(sim).length;
      const { tickets, rejected } = await connector.listTickets(SATURDAY);
      const truth = sim.till(BUSY).tickets(SATURDAY);
      expect(rejected).toEqual([]);
      expect(tickets.length).toBe(truth.length);
      expect(tickets.length).toBeGreaterThan(1_000);
      // 200 tickets a page: the connector followed nextPage to the last page and no further.
      const pages = apiRequests(sim).slice(before);
      expect(pages.length).toBe(Math.ceil(truth.length / 200));
      expect(pages.at(-1)?.path).toContain(`page=${pages.length}`);
      for (const [i, t] of truth.entries()) {
        const got = tickets[i];
        expect(got?.ticketId).toBe(t.ticketId);
        expect(got?.closedAt).toBe(t.closedAt.toISOString());
        expect(
          got?.lines.map((l) => [l.lineId, l.tillProductId, l.label, l.quantity, l.amountCents, l.soldAt]),
        ).toEqual(
          t.lines.map((l) => [
            l.lineId,
            l.productId,
            l.label,
            l.quantity,
            l.amountCents,
            l.soldAt.toISOString(),
          ]),
        );
      }
      const lines = tickets.flatMap((t) => t.lines);
      expect(lines.some((l) => l.quantity < 0 && l.amountCents < 0)).toBe(true);
      expect(lines.some((l) => (l.discountCents ?? 0) > 0)).toBe(true);
    },
  );

  it('tells a closed day from an open one by the till clock', { timeout: 5_000 }, async () => {
    const { connector } = connect(sim, ZINC);
    expect(await connector.isDayClosed(SATURDAY)).toBe(true);
    expect(await connector.isDayClosed('2026-03-16')).toBe(false);
    // Sunday 15 closes at 04:00 on Monday 16 (closeHour 4 for this restaurant).
    const local = connect(sim, ZINC).connector;
    sim.setNow('2026-03-16T03:59:59+01:00');
    expect(await local.isDayClosed('2026-03-15')).toBe(false);
    sim.setNow('2026-03-16T04:00:00+01:00');
    expect(await local.isDayClosed('2026-03-15')).toBe(true);
    sim.setNow('2026-03-16T10:00:00+01:00');
  });

  it(
    'a day in progress only shows closed tickets, and the line carries the label at sale time',
    { timeout: 5_000 },
    async () => {
      const { connector } = connect(sim, ZINC);
      sim.setNow('2026-03-13T13:30:00+01:00');
      const partial = await connector.listTickets('2026-03-13');
      sim.setNow('2026-03-16T10:00:00+01:00');
      const full = await connector.listTickets('2026-03-13');
      expect(partial.tickets.length).toBeGreaterThan(0);
      expect(partial.tickets.length).toBeLessThan(full.tickets.length);
      expect(partial.tickets.every((t) => t.closedAt <= '2026-03-13T12:30:00.000Z')).toBe(true);
    },
  );

  it(
    'a till correction the next morning adds exactly one refund line when the day is re-imported',
    { timeout: 10_000 },
    async () => {
      const till = sim.till(ZINC);
      const day = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'].find((d) =>
        till.correction(d),
      );
      const correction = day ? till.correction(day) : null;
      if (!day || !correction) throw new Error('the seed should give a correction within the week');
      const { connector } = connect(sim, ZINC);
      sim.setNow(new Date(till.closingInstant(day).getTime() + 60_000));
      const first = await connector.listTickets(day);
      expect(await connector.isDayClosed(day)).toBe(true);
      sim.setNow(new Date(correction.line.soldAt.getTime() + 60_000));
      const again = await connector.listTickets(day);
      sim.setNow('2026-03-16T10:00:00+01:00');
      const count = (r: typeof first) => r.tickets.reduce((n, t) => n + t.lines.length, 0);
      expect(count(again)).toBe(count(first) + 1);
      const ticket = again.tickets.find((t) => t.ticketId === correction.ticketId);
      const added = ticket?.lines.at(-1);
      expect(added).toMatchObject({ lineId: correction.line.lineId, quantity: -1 });
      expect(added?.amountCents).toBeLessThan(0);
    },
  );

  it('a product created today is listed from that day, not the day before', { timeout: 5_000 }, async () => {
    const fresh = sim
      .till(ZINC)
      .products()
      .filter((p) => p.createdOn > '2026-03-01');
    const newest = fresh.at(-1);
    if (!newest) throw new Error('the simulator adds a product every week');
    const listedOn = async (day: string): Promise<boolean> => {
      sim.setNow(`${day}T12:00:00+01:00`);
      const { products } = await connect(sim, ZINC).connector.listProducts();
      return products.some((p) => p.tillProductId === newest.id);
    };
    const before = new Date(Date.parse(`${newest.createdOn}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    try {
      expect(await listedOn(newest.createdOn)).toBe(true);
      expect(await listedOn(before)).toBe(false);
    } finally {
      sim.setNow('2026-03-16T10:00:00+01:00');
    }
  });

  it('sends only GET requests, with the Cellier User-Agent', { timeout: 5_000 }, async () => {
    const { connector } = connect(sim, ZINC);
    await connector.testConnection();
    await connector.listProducts();
    await connector.listTickets(SATURDAY);
    await connector.isDayClosed(SATURDAY);
    const seen = apiRequests(sim);
    expect(seen.length).toBeGreaterThan(4);
    expect(new Set(seen.map((r) => r.method))).toEqual(new Set(['GET']));
    expect(seen.every((r) => /^Cellier\/\d+\.\d+\.\d+ \(\+till connector\)$/.test(r.userAgent ?? ''))).toBe(
      true,
    );
    // The interface itself has no way to write: only these four methods exist.
    expect(Object.keys(connector).sort()).toEqual([
      'isDayClosed',
      'listProducts',
      'listTickets',
      'testConnection',
    ]);
  });

  it('refuses a malformed business day without calling the till', { timeout: 5_000 }, async () => {
    const { connector } = connect(sim, ZINC);
    const before = apiRequests(sim).length;
    await expect(connector.listTickets('14/03/2026')).rejects.toMatchObject({ code: 'unexpected_response' });
    expect(apiRequests(sim).length).toBe(before);
  });
});
