import { afterAll, beforeAll, expect, it } from 'vitest';
import { listDueImports } from '../../src/services/imports/dueImports.ts';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { createHubriseSimulator, type HubriseSimulator } from '../../src/tills/simulator/hubrise/index.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';

type Till = { id: string; name: string; tillType: string; status: string; archivedAt: string | null };
type Saved = { connection: Till; test: { ok: boolean } };
type Failed = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };
type Quarantined = { ticketId: string | null; tillName: string | null; tillRemoved: boolean };
type Run = { tillId: string | null; businessDay: string; status: string; linesNew: number; lines: number };
type Product = {
  id: string;
  tillId: string;
  tillName: string | null;
  tillRemoved: boolean;
  quantitySold: number;
};
type Sales = {
  links: { tillProductId: string; tillName: string | null; tillRemoved: boolean }[];
  days: { tillProductId: string; quantity: number; revenueCents: number }[];
  totals: { quantity: number; revenueCents: number };
};

// The drink enters Cellier on Thursday 26; Friday 27 and Saturday 28 are imported from both tills on Monday.
const BEFORE = '2026-11-26T20:00:00Z';
const NOW = '2026-11-30T09:00:00Z';
const DAYS = ['2026-11-27', '2026-11-28'];

describeOnBothDatabases('several tills per establishment', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let asterio: AsterioSimulator;
  let hubrise: HubriseSimulator;
  let owner: TestClient;
  let base: string;
  let restaurant: Till;
  let bar: Till;

  const lines = (tillId: string) =>
    db.db
      .selectFrom('sale_line')
      .select(['business_day', 'ticket_id', 'line_id', 'till_product_id', 'quantity', 'amount_cents'])
      .where('till_id', '=', tillId)
      .orderBy('business_day')
      .orderBy('ticket_id')
      .orderBy('line_id')
      .execute();
  const runs = async () =>
    (await owner.get(`${base}/imports`)).json<{ runs: Run[]; tills: Till[]; quarantine: Quarantined[] }>();
  const products = async (status: 'unlinked' | 'linked') =>
    (await owner.get(`${base}/till-products?status=${status}&pageSize=200`)).json<{ items: Product[] }>()
      .items;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db, NOW, { devLocalTills: true });
    asterio = createAsterioSimulator({ seed: 3, clock: { now: () => t.clock.now() } });
    hubrise = createHubriseSimulator({ seed: 4, clock: { now: () => t.clock.now() } });
    await asterio.listen(0);
    await hubrise.listen(0);
    owner = new TestClient(t.app);
    await owner.signUp('patron@deuxcaisses.fr');
    base = `/api/establishments/${await owner.createEstablishment('Bar et Restaurant')}`;
  });
  afterAll(async () => {
    await asterio.close();
    await hubrise.close();
    await t.app.close();
    await db.drop();
  });

  it('adds an Astério till and a HubRise till, each named, tested and listed without secrets', async () => {
    const a = asterio.credentials();
    const added = await owner.post(`${base}/tills`, { tillType: 'asterio', name: 'Restaurant', ...a });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<Saved>()).toMatchObject({
      connection: { name: 'Restaurant', status: 'ok' },
      test: { ok: true },
    });
    restaurant = added.json<Saved>().connection;

    t.clock.advance(60_000);
    const h = hubrise.credentials();
    const second = await owner.post(`${base}/tills`, { tillType: 'hubrise', name: 'Bar', ...h });
    expect(second.statusCode, second.body).toBe(201);
    bar = second.json<Saved>().connection;
    expect(bar).toMatchObject({ tillType: 'hubrise', status: 'ok', archivedAt: null });

    const same = await owner.post(`${base}/tills`, { tillType: 'hubrise', name: ' bar ', ...h });
    expect(same.statusCode).toBe(400);
    expect(same.json<Failed>().error.fields?.[0]).toEqual({
      field: 'body.name',
      message: 'Une autre caisse porte déjà ce nom',
    });
    const noSecret = await owner.post(`${base}/tills`, {
      tillType: 'asterio',
      name: 'Terrasse',
      ...a,
      password: '',
    });
    expect(noSecret.json<Failed>().error.fields?.[0]?.field).toBe('body.password');

    const listed = await owner.get(`${base}/tills`);
    expect(listed.json<{ tills: Till[] }>().tills.map((x) => x.name)).toEqual(['Restaurant', 'Bar']);
    expect(listed.body).not.toContain(a.password);
    expect(listed.body).not.toContain(h.accessToken);
  });

  it('renames a till by its id and keeps its stored secret', async () => {
    const renamed = await owner.put(`${base}/tills/${bar.id}`, {
      tillType: 'hubrise',
      ...hubrise.credentials(),
      accessToken: '',
      name: 'Le Bar',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<Saved>()).toMatchObject({
      connection: { id: bar.id, name: 'Le Bar' },
      test: { ok: true },
    });
    bar = renamed.json<Saved>().connection;
  });

  it('imports both tills’ nights, each run naming its till, and a re-import writes nothing twice', async () => {
    const asked = await owner.post(`${base}/imports`, { from: DAYS[0], to: DAYS[1] });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(new Set(asked.json<{ tillIds: string[] }>().tillIds)).toEqual(new Set([restaurant.id, bar.id]));
    await t.imports.drain();
    const first = await runs();
    for (const till of [restaurant, bar])
      expect(
        first.runs
          .filter((r) => r.tillId === till.id)
          .map((r) => [r.businessDay, r.status])
          .sort(),
      ).toEqual(DAYS.map((d) => [d, 'succeeded']));
    const restaurantLines = await lines(restaurant.id);
    const barLines = await lines(bar.id);
    expect(restaurantLines.length).toBeGreaterThan(0);
    expect(barLines.length).toBeGreaterThan(0);

    // The bar again, alone: its runs find nothing new; the restaurant is not read.
    const again = await owner.post(`${base}/imports`, { from: DAYS[0], to: DAYS[1], tillId: bar.id });
    expect(again.json<{ tillIds: string[] }>().tillIds).toEqual([bar.id]);
    await t.imports.drain();
    const second = await runs();
    const barRuns = second.runs.filter((r) => r.tillId === bar.id);
    expect(barRuns).toHaveLength(4);
    // Each day read twice: the second run of each day found every line already there.
    expect(barRuns.filter((r) => r.linesNew === 0)).toHaveLength(2);
    expect(barRuns.reduce((n, r) => n + r.linesNew, 0)).toBe(barLines.length);
    expect(second.runs.filter((r) => r.tillId === restaurant.id)).toHaveLength(2);
    expect(await lines(bar.id)).toEqual(barLines);
    expect(await lines(restaurant.id)).toEqual(restaurantLines);

    // The schedule owes neither till these days any more.
    const due = await listDueImports(db.db, t.clock.now());
    expect(due.filter((d) => DAYS.includes(d.day))).toEqual([]);
  });

  it('links one product of each till to one drink: its sales, stock and revenue add both tills', async () => {
    const unlinked = await products('unlinked');
    const sold = (tillId: string) =>
      unlinked
        .filter((p) => p.tillId === tillId && p.quantitySold > 0)
        .sort((x, y) => y.quantitySold - x.quantitySold)[0];
    const fromRestaurant = sold(restaurant.id);
    const fromBar = sold(bar.id);
    expect(fromRestaurant?.tillName).toBe('Restaurant');
    expect(fromBar?.tillName).toBe('Le Bar');
    if (!fromRestaurant || !fromBar) throw new Error('no product sold');

    // The drink is created before the sales, with 100 on hand: the imported sales come off it.
    t.clock.set(BEFORE);
    const drink = await owner.post(`${base}/drinks`, { producer: 'Domaine des Deux Caisses', onHand: 100 });
    expect(drink.statusCode, drink.body).toBe(201);
    const drinkId = drink.json<{ id: string }>().id;
    t.clock.set(NOW);
    for (const p of [fromRestaurant, fromBar]) {
      const res = await owner.post(`${base}/till-products/${p.id}/link`, {
        target: { kind: 'drink', drinkId },
        factor: 1,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const sales = (
      await owner.get(`${base}/drinks/${drinkId}/sales?from=${DAYS[0]}&to=${DAYS[1]}`)
    ).json<Sales>();
    expect(sales.links.map((l) => l.tillName).sort()).toEqual(['Le Bar', 'Restaurant']);
    const expected = async (tillProductId: string) =>
      (
        await db.db
          .selectFrom('sale_line')
          .select(['quantity', 'amount_cents'])
          .where('till_product_id', '=', tillProductId)
          .execute()
      ).reduce((s, r) => ({ q: s.q + Number(r.quantity), c: s.c + r.amount_cents }), { q: 0, c: 0 });
    const r = await expected(fromRestaurant.id);
    const b = await expected(fromBar.id);
    expect(r.q).toBeGreaterThan(0);
    expect(b.q).toBeGreaterThan(0);
    expect(sales.totals).toMatchObject({ quantity: r.q + b.q, revenueCents: r.c + b.c });
    expect(new Set(sales.days.map((d) => d.tillProductId))).toEqual(new Set([fromRestaurant.id, fromBar.id]));
    const stock = (await owner.get(`${base}/drinks/${drinkId}`)).json<{ stock: number }>().stock;
    expect(stock).toBeCloseTo(100 - r.q - b.q, 6);
  });

  it('removes a till: never imported again, its products, links and sales kept and named as removed', async () => {
    const salesBefore = await lines(bar.id);
    const removed = await owner.delete(`${base}/tills/${bar.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json<{ connection: Till }>().connection.archivedAt).not.toBeNull();

    const listed = (await owner.get(`${base}/tills`)).json<{ tills: Till[] }>().tills;
    expect(listed.map((x) => [x.name, x.archivedAt === null])).toEqual([
      ['Restaurant', true],
      ['Le Bar', false],
    ]);
    const change = await owner.put(`${base}/tills/${bar.id}`, {
      tillType: 'hubrise',
      ...hubrise.credentials(),
    });
    expect(change.statusCode).toBe(409);
    expect(change.json<Failed>().error.message).toMatch(/retirée/);
    expect((await owner.post(`${base}/tills/${bar.id}/test`)).statusCode).toBe(409);
    expect((await owner.post(`${base}/imports`, { tillId: bar.id })).statusCode).toBe(409);

    // "Importer maintenant" reads the tills in use only; the schedule never owes the removed one a day.
    const now = await owner.post(`${base}/imports`, {});
    expect(now.json<{ tillIds: string[] }>().tillIds).toEqual([restaurant.id]);
    await t.imports.drain();
    t.clock.set('2026-12-03T09:00:00Z');
    const due = await listDueImports(db.db, t.clock.now());
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((d) => d.tillId === restaurant.id)).toBe(true);
    t.clock.set(NOW);

    expect(await lines(bar.id)).toEqual(salesBefore);
    const linked = await products('linked');
    expect(linked.map((p) => [p.tillName, p.tillRemoved]).sort()).toEqual([
      ['Le Bar', true],
      ['Restaurant', false],
    ]);
    // Each quarantined record names its till, the removed one too (the imports page shows "Caisse : …").
    for (const till of [restaurant, bar])
      await db.db
        .insertInto('sale_quarantine')
        .values({
          establishment_id: base.split('/').at(-1) ?? '',
          till_id: till.id,
          business_day: DAYS[0] ?? '',
          ticket_id: `T-${till.name}`,
          line_id: '1',
          reason: 'quantity : nombre attendu',
          raw: JSON.stringify({ quantity: 'x' }),
        })
        .execute();
    const quarantine = (await runs()).quarantine.map((q) => [q.ticketId, q.tillName, q.tillRemoved]).sort();
    expect(quarantine).toEqual([
      ['T-Le Bar', 'Le Bar', true],
      ['T-Restaurant', 'Restaurant', false],
    ]);

    // A new till may take the removed one's name.
    const again = await owner.post(`${base}/tills`, {
      tillType: 'hubrise',
      name: 'Le Bar',
      ...hubrise.credentials(),
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<Saved>().connection.id).not.toBe(bar.id);
  });
});
