import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseLabel } from '../../src/matching/parse.ts';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../helpers/databases.ts';

/**
 * The public list against the simulated till over HTTP: a till price change shows after the next import, the
 * last bottle sold at the till takes the wine off at once after the import, a receipt brings it back. Each
 * page is read before the change too, so the cached page is proven invalidated, not merely rendered late.
 */
describeOnBothDatabases('wine list fed by the till', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let sim: AsterioSimulator;
  let c: TestClient;
  let base: string;
  let eid: string;
  let slug: string;
  let drinkId: string;
  let bottle: { id: string; external_id: string; label: string; price_cents: number | null };
  const kml = 'chezmarcel-70004';
  const page = async () => (await t.app.inject({ method: 'GET', url: `/carte/${slug}` })).body;
  const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;
  const importDays = async (body: Record<string, string>) => {
    expect((await c.post(`${base}/imports`, body)).statusCode).toBe(202);
    await t.imports.drain();
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db, '2026-11-27T09:00:00Z');
    sim = createAsterioSimulator({ seed: 3, clock: t.clock });
    await sim.listen(0);
    c = new TestClient(t.app);
    await c.signUp('gerant@resto.fr');
    eid = await c.createEstablishment('Chez Marcel');
    base = `/api/establishments/${eid}`;
    expect((await c.post(`${base}/tills`, sim.credentials(kml))).statusCode).toBe(201);
    await importDays({});
  });
  afterAll(async () => {
    await sim.close();
    await t.app.close();
    await db.drop();
  });

  it('shows the till’s bottle and glass prices of the linked products', async () => {
    // Products with no sale of their own on the 27th, so that the one sale below is the only one.
    const soldOn27 = new Set(
      sim
        .till(kml)
        .tickets('2026-11-27', new Date('2026-11-29T00:00:00Z'))
        .flatMap((tk) => tk.lines.map((l) => l.productId)),
    );
    const products = await db.db
      .selectFrom('till_product')
      .select(['id', 'external_id', 'label', 'price_cents', 'family'])
      .where('establishment_id', '=', eid)
      .where('active', '=', true)
      .execute();
    const unsold = products.filter((p) => !soldOn27.has(p.external_id) && p.price_cents !== null);
    const found = unsold.find((p) => p.family === 'VINS ROUGES' && parseLabel(p.label).serving !== 'glass');
    const glass = unsold.find((p) => parseLabel(p.label).serving === 'glass');
    expect(found && glass).toBeTruthy();
    if (!found || !glass) return;
    bottle = found;
    const drink = await c.post(`${base}/drinks`, {
      producer: 'Domaine du Test',
      appellationId: 'cotes-du-rhone',
      colour: 'rouge',
      vintage: 2021,
      salePrice: 10,
    });
    drinkId = drink.json<{ id: string }>().id;
    await c.post(`${base}/drinks/${drinkId}/movements`, { kind: 'receipt', quantity: 1 });
    for (const [p, factor] of [
      [bottle, 1],
      [glass, 0.16],
    ] as const) {
      const res = await c.post(`${base}/till-products/${p.id}/link`, {
        target: { kind: 'drink', drinkId },
        factor,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const list = (await c.post(`${base}/wine-lists`, { name: 'Carte des vins' })).json<{
      id: string;
      slug: string;
    }>();
    slug = list.slug;
    await c.put(`${base}/wine-lists/${list.id}/items/${drinkId}`, {});
    await c.patch(`${base}/wine-lists/${list.id}`, { published: true });
    const html = await page();
    expect(html).toContain('Domaine du Test');
    expect(html).toContain(euros(bottle.price_cents ?? 0));
    expect(html).toContain(euros(glass.price_cents ?? 0));
    expect(html).toMatch(/Verre \d+(,\d)? cl/);
    expect(html).not.toContain('10,00 €');
  });

  it('shows a till price change after the next import, never changing the drink’s own price', async () => {
    const newPrice = (bottle.price_cents ?? 0) + 700;
    const control = await fetch(`${sim.url}/__control/price`, {
      method: 'POST',
      body: JSON.stringify({ kmlcode: kml, productId: bottle.external_id, priceCents: newPrice }),
    });
    expect(control.status).toBe(200);
    expect(await page()).not.toContain(euros(newPrice));
    await importDays({ from: '2026-11-26', to: '2026-11-26' });
    const html = await page();
    expect(html).toContain(euros(newPrice));
    expect(html).toContain('Domaine du Test');
    const drink = await c.get(`${base}/drinks/${drinkId}`);
    expect(drink.json<{ salePrice: number }>().salePrice).toBe(10);
  });

  it('drops the wine after the import that sells its last bottle, and brings it back on a receipt', async () => {
    const control = await fetch(`${sim.url}/__control/sale`, {
      method: 'POST',
      body: JSON.stringify({
        kmlcode: kml,
        day: '2026-11-27',
        productId: bottle.external_id,
        quantity: 1,
        at: '2026-11-27T19:30:00Z',
      }),
    });
    expect(control.status).toBe(200);
    t.clock.set('2026-11-28T09:00:00Z');
    expect(await page()).toContain('Domaine du Test');
    await importDays({});
    expect(await page()).not.toContain('Domaine du Test');
    await c.post(`${base}/drinks/${drinkId}/movements`, { kind: 'receipt', quantity: 6 });
    expect(await page()).toContain('Domaine du Test');
  });
});
