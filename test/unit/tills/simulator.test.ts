import { describe, expect, it } from 'vitest';
import { createAsterioSimulator } from '../../../src/tills/simulator/index.ts';
import { loadLibrary } from '../../../src/tills/simulator/library.ts';
import { BUSY, SATURDAY, ZINC, connect, startSimulator } from './helpers.ts';

describe('Astério simulator', () => {
  it(
    'is deterministic: same seed and day, same tickets over HTTP; another seed differs',
    { timeout: 10_000 },
    async () => {
      const [a, b, c] = await Promise.all([
        startSimulator({ seed: 5 }),
        startSimulator({ seed: 5 }),
        startSimulator({ seed: 6 }),
      ]);
      try {
        const day = '2026-03-13';
        const [ta, tb, tc] = await Promise.all(
          [a, b, c].map((s) => connect(s, ZINC).connector.listTickets(day)),
        );
        expect(ta?.tickets.length).toBeGreaterThan(50);
        expect(tb).toEqual(ta);
        expect(tc).not.toEqual(ta);
        expect(a.credentials(ZINC).password).toBe(b.credentials(ZINC).password);
      } finally {
        await Promise.all([a.close(), b.close(), c.close()]);
      }
    },
  );

  it('a busy Saturday night stays within 2,000 tickets and 8,000 lines', () => {
    const sim = createAsterioSimulator({ seed: 1, now: '2026-03-16T10:00:00+01:00' });
    const tickets = sim.till(BUSY).tickets(SATURDAY);
    const lines = tickets.reduce((n, t) => n + t.lines.length, 0);
    expect(tickets.length).toBeGreaterThan(1_200);
    expect(tickets.length).toBeLessThanOrEqual(2_000);
    expect(lines).toBeGreaterThan(5_000);
    expect(lines).toBeLessThanOrEqual(8_000);
    // Late-night sales after midnight still belong to the Saturday business day.
    expect(tickets.some((t) => t.closedAt.toISOString() > '2026-03-14T23:00:00.000Z')).toBe(true);
  });

  it('catalogues look like French tills and sell wines from the library', () => {
    const sim = createAsterioSimulator({ seed: 1, now: '2026-03-16T10:00:00+01:00' });
    const producers = new Set(
      loadLibrary()
        .wines.map((w) =>
          w.producer
            .normalize('NFD')
            .replace(/\p{M}/gu, '')
            .toUpperCase()
            .split(/[^A-Z]+/),
        )
        .flat()
        .filter((w) => w.length > 3),
    );
    for (const r of sim.restaurants) {
      const products = sim.till(r.kmlcode).products();
      expect(products.length).toBeGreaterThanOrEqual(60);
      expect(products.length).toBeLessThanOrEqual(150);
      for (const p of products) expect(p.label).toMatch(/^[A-Z0-9/ ]{2,24}$/);
      const bottles = products.filter((p) => p.label.startsWith('BTL '));
      const known = bottles.filter((p) => p.label.split(' ').some((w) => producers.has(w)));
      expect(known.length / bottles.length).toBeGreaterThan(0.6);
      const families = new Set(products.map((p) => p.family.label));
      for (const f of ['VINS ROUGES', 'CHAMPAGNES', 'CAFETERIE', 'PLATS']) expect(families).toContain(f);
      expect(products.some((p) => /^VRE .* (RGE|BLC|ROSE)$/.test(p.label))).toBe(true);
    }
  });

  it('labels and prices change from a given date; sale lines keep the label of their day', () => {
    const sim = createAsterioSimulator({ seed: 1, now: '2026-03-16T10:00:00+01:00' });
    const till = sim.till(ZINC);
    const edited = till.products().filter((p) => p.edit?.kind === 'vintage');
    expect(edited.length).toBeGreaterThan(0);
    const days = Array.from({ length: 200 }, (_, i) =>
      new Date(Date.UTC(2025, 8, 1) + i * 86_400_000).toISOString().slice(0, 10),
    );
    const labels = new Set<string>();
    for (const day of days)
      for (const t of till.tickets(day))
        for (const l of t.lines) if (l.productId === edited[0]?.id) labels.add(l.label);
    expect(labels.size).toBeGreaterThan(1);
  });

  it(
    'control endpoint: faults, password and clock over HTTP; it is the only non-GET route',
    { timeout: 5_000 },
    async () => {
      const sim = await startSimulator();
      try {
        const post = (path: string, body: unknown) =>
          fetch(`${sim.url}/__control/${path}`, { method: 'POST', body: JSON.stringify(body) });
        expect((await post('faults', { kmlcode: ZINC, faults: { openDays: [SATURDAY] } })).status).toBe(200);
        expect(await connect(sim).connector.isDayClosed(SATURDAY)).toBe(false);
        expect((await post('faults', { kmlcode: ZINC, faults: { nonsense: 1 } })).status).toBe(400);
        expect((await post('reset', {})).status).toBe(200);
        expect((await post('clock', { now: '2026-03-14T03:00:00+01:00' })).status).toBe(200);
        expect(await connect(sim).connector.isDayClosed('2026-03-13')).toBe(false);
        expect((await post('password', { kmlcode: ZINC, password: 'autre' })).status).toBe(200);
        expect(sim.credentials(ZINC).password).toBe('autre');
        const put = await fetch(`${sim.credentials(ZINC).domain}/genericdata/v1/${ZINC}/sites/SID/products`, {
          method: 'PUT',
        });
        expect(put.status).toBe(405);
      } finally {
        await sim.close();
      }
    },
  );
});
