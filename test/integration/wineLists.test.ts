import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';
import { CarteCache } from '../../src/http/carte/carteCache.ts';

type ListJson = { id: string; slug: string; published: boolean; publicPath: string; hasLogo: boolean };
type EntryJson = {
  drinkId: string;
  section: string;
  position: number;
  prices: { serving: string; volumeCl: number; price: number; source: string }[];
  ownPrice: number | null;
  manualPrice: number | null;
  available: boolean;
  lastBottles: boolean;
  tillLinked: boolean;
  warnings: string[];
};
type DetailJson = { list: ListJson; sections: { key: string; entries: EntryJson[] }[] };

describeOnBothDatabases('wine lists (la carte)', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let c: TestClient;
  let eid: string;
  let base: string;
  const drinks: Record<string, string> = {};

  const createDrink = async (key: string, body: Record<string, unknown>, stock: number) => {
    const res = await c.post(`${base}/drinks`, body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    if (stock > 0) await c.post(`${base}/drinks/${id}/movements`, { kind: 'receipt', quantity: stock });
    drinks[key] = id;
    return id;
  };
  const entries = (d: DetailJson) => d.sections.flatMap((s) => s.entries);
  const entryOf = (d: DetailJson, key: string) => entries(d).find((e) => e.drinkId === drinks[key]);
  const publicPage = (slug: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/carte/${slug}`, headers });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    c = new TestClient(t.app);
    await c.signUp('sommelier@example.fr');
    eid = await c.createEstablishment('Le Bistrot <Paris>');
    base = `/api/establishments/${eid}`;
    await createDrink(
      'gramenon',
      {
        producer: 'Domaine Gramenon',
        cuvee: 'Sierra du Sud',
        appellationId: 'cotes-du-rhone',
        colour: 'rouge',
        vintage: 2021,
        salePrice: 48,
      },
      6,
    );
    await createDrink(
      'sancerre',
      { producer: 'Vacheron', appellationId: 'sancerre', colour: 'blanc', vintage: 2022, salePrice: 52 },
      2,
    );
    await createDrink(
      'bollinger',
      { producer: 'Bollinger', cuvee: 'Spécial Cuvée', type: 'champagne', salePrice: 95 },
      3,
    );
    await createDrink(
      'empty',
      { producer: 'Épuisé', appellationId: 'cotes-du-rhone', colour: 'rouge', vintage: 2020, salePrice: 30 },
      0,
    );
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  let list: ListJson;

  it('creates a list with an unguessable slug, unpublished: its public page is a 404', async () => {
    const res = await c.post(`${base}/wine-lists`, { name: 'Carte des vins' });
    expect(res.statusCode, res.body).toBe(201);
    list = res.json<ListJson>();
    expect(list.slug).toMatch(/^[a-z0-9]{20}$/);
    expect(list.published).toBe(false);
    expect((await publicPage(list.slug)).statusCode).toBe(404);
  });

  it('publishes drinks in sections, in the default order, with the drink’s own price where no till product is linked', async () => {
    for (const key of ['gramenon', 'sancerre', 'bollinger', 'empty'])
      expect((await c.put(`${base}/wine-lists/${list.id}/items/${drinks[key]}`, {})).statusCode).toBe(200);
    const note = await c.put(`${base}/wine-lists/${list.id}/items/${drinks.gramenon}`, {
      note: 'Grenache <script>alert(1)</script> & syrah',
    });
    const detail = note.json<DetailJson>();
    expect(detail.sections.map((s) => s.key)).toEqual(['champagne', 'blanc', 'rouge']);
    expect(entryOf(detail, 'gramenon')).toMatchObject({
      prices: [{ serving: 'bottle', volumeCl: 75, price: 48, source: 'drink' }],
      available: true,
      tillLinked: false,
    });
    expect(entryOf(detail, 'empty')).toMatchObject({ available: false });
    expect(entryOf(detail, 'bollinger')?.warnings).toContain('appellation_not_registered');
  });

  it('serves the published list as HTML without script, escaped, with legal mentions and no stock figure', async () => {
    const pub = await c.patch(`${base}/wine-lists/${list.id}`, {
      published: true,
      headerAddress: '1 rue du Bac, Paris',
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const res = await publicPage(list.slug);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const html = res.body;
    expect(html).not.toContain('<script');
    expect(html).toContain('Grenache &lt;script&gt;alert(1)&lt;/script&gt; &amp; syrah');
    expect(html).toContain('Le Bistrot &lt;Paris&gt;');
    expect(html).toContain('Côtes du Rhône AOP');
    expect(html).toContain('48,00 €');
    expect(html).toContain('Contient des sulfites.');
    expect(html).toContain('taxes et service compris');
    expect(html).not.toContain('Épuisé');
    expect(html.indexOf('Champagnes')).toBeLessThan(html.indexOf('Blancs'));
    expect(html.indexOf('Blancs')).toBeLessThan(html.indexOf('Rouges'));
    const en = await t.app.inject({ method: 'GET', url: `/carte/${list.slug}?lang=en` });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Red wines');
    expect(en.body).toContain('€48.00');
  });

  it('hides a drink at once when a movement empties it, and brings it back on a receipt', async () => {
    const loss = await c.post(`${base}/drinks/${drinks.sancerre}/movements`, { kind: 'loss', quantity: 2 });
    expect(loss.statusCode).toBe(201);
    expect((await publicPage(list.slug)).body).not.toContain('Vacheron');
    await c.post(`${base}/drinks/${drinks.sancerre}/movements`, { kind: 'receipt', quantity: 1 });
    expect((await publicPage(list.slug)).body).toContain('Vacheron');
  });

  it('marks the last bottles at or below the threshold, without ever showing a quantity', async () => {
    await c.patch(`${base}/wine-lists/${list.id}`, { lowStockThreshold: 1 });
    const html = (await publicPage(list.slug)).body;
    const sancerre = html.slice(html.indexOf('Vacheron'), html.indexOf('</li>', html.indexOf('Vacheron')));
    expect(sancerre).toContain('Dernières bouteilles');
    expect(html.match(/Dernières bouteilles/g)).toHaveLength(1);
  });

  it('compresses the page and answers 304 to a matching ETag', async () => {
    const br = await publicPage(list.slug, { 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    const etag = String(br.headers.etag);
    expect((await publicPage(list.slug, { 'if-none-match': etag })).statusCode).toBe(304);
  });

  it('reorders by hand, and back to the default order', async () => {
    const before = entries((await c.get(`${base}/wine-lists/${list.id}`)).json<DetailJson>()).map(
      (e) => e.drinkId,
    );
    const reversed = [...before].reverse();
    const res = await c.put(`${base}/wine-lists/${list.id}/order`, { drinkIds: reversed });
    expect(res.statusCode, res.body).toBe(200);
    const positions = entries(res.json<DetailJson>())
      .sort((a, b) => a.position - b.position)
      .map((e) => e.drinkId);
    expect(positions).toEqual(reversed);
    expect(
      (await c.put(`${base}/wine-lists/${list.id}/order`, { drinkIds: reversed.slice(1) })).statusCode,
    ).toBe(400);
    const reset = await c.put(`${base}/wine-lists/${list.id}/order`, { order: 'default' });
    expect(
      entries(reset.json<DetailJson>())
        .sort((a, b) => a.position - b.position)
        .map((e) => e.drinkId),
    ).toEqual(before);
  });

  it('puts the sections in the chosen order, in the editor and on the public page', async () => {
    const res = await c.patch(`${base}/wine-lists/${list.id}`, { sectionOrder: ['rouge', 'champagne'] });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await c.get(`${base}/wine-lists/${list.id}`)).json<DetailJson>();
    expect(detail.sections.map((s) => s.key)).toEqual(['rouge', 'champagne', 'blanc']);
    const positions = entries(detail)
      .sort((a, b) => a.position - b.position)
      .map((e) => e.drinkId);
    expect(positions.indexOf(drinks.gramenon ?? '')).toBeLessThan(positions.indexOf(drinks.bollinger ?? ''));
    const html = (await publicPage(list.slug)).body;
    expect(html.indexOf('Gramenon')).toBeGreaterThan(-1);
    expect(html.indexOf('Gramenon')).toBeLessThan(html.indexOf('Bollinger'));
    expect(html.indexOf('Bollinger')).toBeLessThan(html.indexOf('Vacheron'));
    const unknown = await c.patch(`${base}/wine-lists/${list.id}`, { sectionOrder: ['vins-de-table'] });
    expect(unknown.statusCode).toBe(400);
    await c.patch(`${base}/wine-lists/${list.id}`, { sectionOrder: [] });
  });

  it('validates slugs, keeps them unique, and 404s the old address after a rename or unpublishing', async () => {
    for (const slug of ['A', 'ab', '-abc', 'abc-', 'caf\u00e9', 'a/b', 'x'.repeat(61)])
      expect((await c.patch(`${base}/wine-lists/${list.id}`, { slug })).statusCode, slug).toBe(400);
    const bar = (
      await c.post(`${base}/wine-lists`, { name: 'Bar', slug: 'le-bistrot-bar' })
    ).json<ListJson>();
    expect(bar.slug).toBe('le-bistrot-bar');
    const taken = await c.patch(`${base}/wine-lists/${list.id}`, { slug: 'le-bistrot-bar' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json<{ error: { message: string } }>().error.message).toContain('déjà prise');
    const old = list.slug;
    expect((await c.patch(`${base}/wine-lists/${list.id}`, { slug: 'le-bistrot-vins' })).statusCode).toBe(
      200,
    );
    expect((await publicPage(old)).statusCode).toBe(404);
    expect((await publicPage('le-bistrot-vins')).statusCode).toBe(200);
    await c.patch(`${base}/wine-lists/${list.id}`, { published: false });
    expect((await publicPage('le-bistrot-vins')).statusCode).toBe(404);
    await c.patch(`${base}/wine-lists/${list.id}`, { published: true });
    const lists = (await c.get(`${base}/wine-lists`)).json<{ items: ListJson[] }>().items;
    expect(lists.map((l) => l.slug)).toEqual(['le-bistrot-vins', 'le-bistrot-bar']);
  });

  it('takes prices from the till’s linked products by serving; a manual price only where none is linked', async () => {
    const till = await db.db
      .insertInto('till_connection')
      .values({
        establishment_id: eid,
        till_type: 'asterio',
        domain: 'https://x-70001.myasterio.com',
        kmlcode: 'x-70001',
        site_code: 'SID',
        identifier: 'X',
        password_encrypted: 'v1:x:y:z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const product = async (externalId: string, label: string, priceCents: number, factor: number) => {
      const p = await db.db
        .insertInto('till_product')
        .values({
          establishment_id: eid,
          till_id: till.id,
          external_id: externalId,
          label,
          family: 'VINS ROUGES',
          vat_rate: 20,
          price_cents: priceCents,
          first_seen_on: '2026-11-01',
          last_seen_on: '2026-11-26',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const res = await c.post(`${base}/till-products/${p.id}/link`, {
        target: { kind: 'drink', drinkId: drinks.gramenon },
        factor,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await product('B1', 'BTL GRAMENON SIERRA 21', 5200, 1);
    await product('V1', 'VRE GRAMENON SIERRA 12CL', 900, 0.16);
    await product('C1', 'PICHET GRAMENON 50CL', 2800, 0.667);
    const detail = (await c.get(`${base}/wine-lists/${list.id}`)).json<DetailJson>();
    expect(entryOf(detail, 'gramenon')).toMatchObject({
      tillLinked: true,
      ownPrice: 48,
      prices: [
        { serving: 'glass', volumeCl: 12, price: 9, source: 'till' },
        { serving: 'carafe', volumeCl: 50, price: 28, source: 'till' },
        { serving: 'bottle', volumeCl: 75, price: 52, source: 'till' },
      ],
    });
    const html = (await publicPage('le-bistrot-vins')).body;
    expect(html).toContain('Verre 12 cl');
    expect(html).toContain('Carafe 50 cl');
    expect(html).toContain('52,00 €');
    expect(html).not.toContain('48,00 €');
    expect(html).not.toContain('GRAMENON');
    const drink = await db.db
      .selectFrom('drink')
      .select('sale_price_cents')
      .where('id', '=', drinks.gramenon ?? '')
      .executeTakeFirstOrThrow();
    expect(drink.sale_price_cents).toBe(4800);
    const refused = await c.put(`${base}/wine-lists/${list.id}/items/${drinks.gramenon}`, {
      manualPrice: 40,
    });
    expect(refused.statusCode).toBe(409);
    const manual = await c.put(`${base}/wine-lists/${list.id}/items/${drinks.sancerre}`, {
      manualPrice: 55.5,
    });
    expect(entryOf(manual.json<DetailJson>(), 'sancerre')).toMatchObject({
      manualPrice: 55.5,
      ownPrice: 52,
      prices: [{ serving: 'bottle', price: 55.5, source: 'manual' }],
    });
  });

  it('serves a PDF and a QR code of the published list, and 404s for unknown slugs', async () => {
    const pdf = await t.app.inject({ method: 'GET', url: '/carte/le-bistrot-vins/carte.pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const qr = await t.app.inject({ method: 'GET', url: '/carte/le-bistrot-vins/qr.svg' });
    expect(qr.statusCode).toBe(200);
    expect(qr.body).toContain('<svg');
    for (const url of [
      '/carte/nope',
      '/carte/nope/carte.pdf',
      '/carte/nope/qr.svg',
      '/carte/nope/logo.png',
      '/carte/le-bistrot-bar',
    ])
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
  });

  it('rejects a logo that is not an image, and re-encodes a real one as PNG', async () => {
    const bad = await c.put(`${base}/wine-lists/${list.id}/logo`, {
      image: Buffer.from('<svg onload=alert(1)>').toString('base64'),
    });
    expect(bad.statusCode).toBe(400);
    const sharp = (await import('sharp')).default;
    const jpeg = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#7a1f2b' } })
      .jpeg()
      .toBuffer();
    const ok = await c.put(`${base}/wine-lists/${list.id}/logo`, { image: jpeg.toString('base64') });
    expect(ok.statusCode, ok.body).toBe(200);
    const logo = await t.app.inject({ method: 'GET', url: '/carte/le-bistrot-vins/logo.png' });
    expect(logo.headers['content-type']).toBe('image/png');
    const meta = await sharp(logo.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 480, height: 240 });
  });

  it('renders once while nothing changes, again after a movement, a list edit or a drink edit', async () => {
    const cache = new CarteCache(db.db);
    const first = await cache.page('le-bistrot-vins', 'fr');
    await cache.page('le-bistrot-vins', 'fr');
    expect(cache.renders).toBe(1);
    await c.post(`${base}/drinks/${drinks.gramenon}/movements`, { kind: 'loss', quantity: 1 });
    const second = await cache.page('le-bistrot-vins', 'fr');
    expect(cache.renders).toBe(2);
    expect(second?.etag).toBe(first?.etag);
    await c.put(`${base}/wine-lists/${list.id}/items/${drinks.gramenon}`, { note: 'Nouveau texte' });
    expect((await cache.page('le-bistrot-vins', 'fr'))?.html.toString()).toContain('Nouveau texte');
    await c.put(`${base}/drinks/${drinks.bollinger}`, {
      producer: 'Bollinger',
      cuvee: 'La Grande Année',
      type: 'champagne',
      salePrice: 95,
    });
    expect((await cache.page('le-bistrot-vins', 'fr'))?.html.toString()).toContain('La Grande Année');
    expect(cache.renders).toBe(4);
  });

  it('on the embedded engine, serves from commit notices with no read per hit, and still sees every change', async () => {
    const cache = new CarteCache(db.db);
    const stop = db.listenInProcess ? await cache.watch(db.listenInProcess) : null;
    expect(stop !== null).toBe(kind === 'pglite');
    await cache.page('le-bistrot-vins', 'fr');
    const reads = cache.freshnessReads;
    await cache.page('le-bistrot-vins', 'fr');
    await cache.page('le-bistrot-vins', 'fr');
    expect(cache.freshnessReads - reads).toBe(kind === 'pglite' ? 0 : 2);
    expect(cache.renders).toBe(1);
    await c.put(`${base}/wine-lists/${list.id}/items/${drinks.gramenon}`, { note: 'Texte après notice' });
    expect((await cache.page('le-bistrot-vins', 'fr'))?.html.toString()).toContain('Texte après notice');
    expect(cache.renders).toBe(2);
    await stop?.();
  });

  it('lets staff read the lists but not change them', async () => {
    const staff = new TestClient(t.app);
    await c.post(`${base}/members`, { email: 'serveur@example.fr', role: 'staff' });
    await staff.signUp('serveur@example.fr');
    expect((await staff.get(`${base}/wine-lists`)).statusCode).toBe(200);
    expect((await staff.post(`${base}/wine-lists`, { name: 'Pirate' })).statusCode).toBe(403);
    expect((await staff.patch(`${base}/wine-lists/${list.id}`, { published: false })).statusCode).toBe(403);
  });
});
