import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';

type DrinkJson = {
  id: string;
  stock: number;
  stockValue: number | null;
  appellation: string | null;
  region: string | null;
};
type ErrorJson = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };

describeOnBothDatabases('cellar: drinks and stock', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let c: TestClient;
  let base: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    c = new TestClient(t.app);
    await c.signUp('cave@example.fr');
    base = `/api/establishments/${await c.createEstablishment('Le Bistrot')}`;
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  const create = async (body: Record<string, unknown>) => {
    const res = await c.post(`${base}/drinks`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<DrinkJson>();
  };

  it('creates a drink from an INAO appellation, which fills the region; prices in euros are kept to the cent', async () => {
    const d = await create({
      producer: 'Domaine Gramenon',
      cuvee: 'Sierra du Sud',
      appellationId: 'cotes-du-rhone',
      colour: 'rouge',
      vintage: 2021,
      purchasePrice: 12.35,
      salePrice: 48,
    });
    expect(d).toMatchObject({
      appellation: 'Côtes du Rhône',
      region: 'Rhône',
      stock: 0,
      purchasePrice: 12.35,
      salePrice: 48,
    });
    const row = await db.db
      .selectFrom('drink')
      .select(['purchase_price_cents', 'sale_price_cents'])
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ purchase_price_cents: 1235, sale_price_cents: 4800 });
  });

  it.each([
    [{ producer: 'X', purchasePrice: -1 }, 'body.purchasePrice', /négatif/],
    [{ producer: 'X', purchasePrice: 'douze' }, 'body.purchasePrice', /euros/],
    [{ producer: 'X', salePrice: 1e9 }, 'body.salePrice', /trop élevé/],
    [{ producer: 'X', salePrice: 1.234 }, 'body.salePrice', /décimales/],
    [{ producer: 'X', formatCl: 0 }, 'body.formatCl', /positif/],
    [{ producer: 'X', vintage: 3000 }, 'body.vintage', /futur/],
    [{ producer: 'X', colour: 'vert' }, 'body.colour', /Couleur/],
    [{ cuvee: '' }, 'body.producer', /au moins un producteur/],
    [{ producer: 'X', appellationId: 'nulle-part' }, 'appellationId', /Appellation inconnue/],
  ])('rejects %j with a French message on its field and writes nothing', async (body, field, message) => {
    const before = await db.db.selectFrom('drink').select('id').execute();
    const res = await c.post(`${base}/drinks`, body);
    expect(res.statusCode).toBe(400);
    const err = res.json<ErrorJson>().error;
    expect(err.fields?.map((f) => f.field)).toContain(field);
    expect(err.message).toMatch(message);
    expect(await db.db.selectFrom('drink').select('id').execute()).toHaveLength(before.length);
  });

  it('derives stock from the last count plus later movements, and values it at purchase price', async () => {
    t.clock.set('2026-11-01T09:00:00Z'); // entered with nothing on hand: its base is a count of 0 then
    const d = await create({
      producer: 'Château Lafleur',
      appellationId: 'pomerol',
      vintage: 2015,
      purchasePrice: 20,
    });
    const move = (body: Record<string, unknown>) => c.post(`${base}/drinks/${d.id}/movements`, body);
    t.clock.set('2026-11-01T10:00:00Z');
    expect((await move({ kind: 'receipt', quantity: 12 })).json<DrinkJson>().stock).toBe(12);
    t.clock.set('2026-11-02T10:00:00Z');
    expect((await move({ kind: 'loss', quantity: 1, note: 'casse' })).json<DrinkJson>().stock).toBe(11);
    t.clock.set('2026-11-03T10:00:00Z');
    expect((await move({ kind: 'count', quantity: 10 })).json<DrinkJson>().stock).toBe(10);
    t.clock.set('2026-11-04T10:00:00Z');
    const after = (await move({ kind: 'adjustment', quantity: -0.5 })).json<DrinkJson>();
    expect(after.stock).toBe(9.5);
    expect(after.stockValue).toBe(190);
    // A movement dated before the count does not change the base.
    const late = (
      await move({ kind: 'receipt', quantity: 6, occurredAt: '2026-11-02T12:00:00+01:00' })
    ).json<DrinkJson>();
    expect(late.stock).toBe(9.5);
    const history = (await c.get(`${base}/drinks/${d.id}/movements`)).json<{ items: { kind: string }[] }>();
    expect(history.items.map((m) => m.kind)).toEqual([
      'adjustment',
      'count',
      'receipt',
      'loss',
      'receipt',
      'count',
    ]);
  });

  it('rejects nonsensical quantities', async () => {
    const d = await create({ producer: 'Domaine Test' });
    for (const body of [
      { kind: 'receipt', quantity: 0 },
      { kind: 'receipt', quantity: -3 },
      { kind: 'loss', quantity: 1e7 },
      { kind: 'count', quantity: -1 },
      { kind: 'vol', quantity: 1 },
      { kind: 'receipt', quantity: '3' },
    ]) {
      const res = await c.post(`${base}/drinks/${d.id}/movements`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    // only its base, the count at creation
    expect(
      await db.db.selectFrom('stock_movement').where('drink_id', '=', d.id).select('kind').execute(),
    ).toEqual([{ kind: 'count' }]);
  });

  it('records an inventory of many drinks at once, or none of it', async () => {
    const a = await create({ producer: 'Inventaire A' });
    const b = await create({ producer: 'Inventaire B' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const bad = await c.post(`${base}/counts`, {
      counts: [
        { drinkId: a.id, quantity: 3 },
        { drinkId: unknown, quantity: 1 },
      ],
    });
    expect(bad.statusCode).toBe(404);
    expect(
      await db.db.selectFrom('stock_movement').where('drink_id', '=', a.id).select('id').execute(),
    ).toHaveLength(1); // its base only
    const ok = await c.post(`${base}/counts`, {
      counts: [
        { drinkId: a.id, quantity: 3 },
        { drinkId: b.id, quantity: 7.5 },
      ],
    });
    expect(ok.statusCode).toBe(201);
    expect((await c.get(`${base}/drinks/${b.id}`)).json<DrinkJson>().stock).toBe(7.5);
  });

  it('searches, filters, sorts and paginates', async () => {
    for (let i = 0; i < 25; i++)
      await create({
        producer: `Producteur ${String(i).padStart(2, '0')}`,
        colour: i % 2 ? 'blanc' : 'rouge',
        vintage: 2000 + i,
      });
    const page = (
      await c.get(`${base}/drinks?q=producteur&sort=vintage&order=desc&pageSize=10&page=2`)
    ).json<{ items: { vintage: number }[]; total: number }>();
    expect(page.total).toBe(25);
    expect(page.items.map((d) => d.vintage)).toEqual([
      2014, 2013, 2012, 2011, 2010, 2009, 2008, 2007, 2006, 2005,
    ]);
    const whites = (await c.get(`${base}/drinks?q=producteur&colour=blanc`)).json<{ total: number }>();
    expect(whites.total).toBe(12);
    const byVintage = (await c.get(`${base}/drinks?q=2015`)).json<{ items: { producer: string }[] }>();
    expect(byVintage.items.map((d) => d.producer)).toContain('Producteur 15');
    expect(byVintage.items.map((d) => d.producer)).toContain('Château Lafleur');
    const accents = (await c.get(`${base}/drinks?q=chateau%20LAFLEUR`)).json<{ total: number }>();
    expect(accents.total).toBe(1);
    const inStock = (await c.get(`${base}/drinks?inStock=true&sort=stock&order=desc`)).json<{
      items: { stock: number }[];
    }>();
    expect(inStock.items.length).toBeGreaterThan(0);
    expect(inStock.items.every((d) => d.stock > 0)).toBe(true);
    expect(inStock.items.map((d) => d.stock)).toEqual(
      [...inStock.items.map((d) => d.stock)].sort((x, y) => y - x),
    );
  });

  it('edits and archives a drink; archived drinks leave the list', async () => {
    const d = await create({ producer: 'À archiver', vintage: 2019 });
    const edited = await c.put(`${base}/drinks/${d.id}`, {
      producer: 'À archiver',
      vintage: 2020,
      location: 'Cave B3',
    });
    expect(edited.json()).toMatchObject({ vintage: 2020, location: 'Cave B3' });
    await c.post(`${base}/drinks/${d.id}/archive`, { archived: true });
    expect((await c.get(`${base}/drinks?q=archiver`)).json<{ total: number }>().total).toBe(0);
    expect((await c.get(`${base}/drinks?q=archiver&archived=true`)).json<{ total: number }>().total).toBe(1);
  });

  it('answers 404 for an unknown drink and 400 for a malformed id', async () => {
    expect((await c.get(`${base}/drinks/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await c.get(`${base}/drinks/not-a-uuid`)).statusCode).toBe(400);
  });
});
