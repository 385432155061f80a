import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHubriseSimulator, type HubriseSimulator } from '../../src/tills/simulator/hubrise/index.ts';
import { importNight } from '../../src/jobs/importNight.ts';
import { soleTill, soleTillId } from '../helpers/soleTill.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';
import { saveTill } from '../helpers/tills.ts';

type Saved = {
  connection: { tillType: string; status: string; siteName: string | null; kmlcode: string };
  test: { ok: boolean; code?: string; message?: string; siteName?: string; productCount?: number };
};
type Failed = { error: { code: string; fields: { field: string; message: string }[] } };

// Monday 30 November 2026, 10:00 in Paris: Saturday's business day is over.
const NOW = '2026-11-30T09:00:00Z';

describeOnBothDatabases('HubRise connection', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let sim: HubriseSimulator;
  let owner: TestClient;
  let establishmentId: string;
  let path: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db, NOW, { devLocalTills: true });
    sim = createHubriseSimulator({ seed: 1, clock: { now: () => t.clock.now() } });
    await sim.listen(0);
    owner = new TestClient(t.app);
    await owner.signUp('patron@hubrise.fr');
    establishmentId = await owner.createEstablishment('Le Zinc du Hub');
    path = `/api/establishments/${establishmentId}`;
  });
  afterAll(async () => {
    await sim.close();
    await t.app.close();
    await db.drop();
  });

  it('refuses any API host but api.hubrise.com, naming the field, and writes nothing', async () => {
    const { locationId, accessToken } = sim.credentials();
    for (const apiOrigin of [
      'https://api.hubrise.com.evil.io',
      'http://10.1.2.3',
      'http://169.254.169.254',
    ]) {
      const res = await saveTill(owner, path, { tillType: 'hubrise', locationId, accessToken, apiOrigin });
      expect(res.statusCode).toBe(400);
      expect(res.json<Failed>().error.fields.map((f) => f.field)).toEqual(['body.apiOrigin']);
    }
    const bad = await saveTill(owner, path, { tillType: 'hubrise', locationId: 'pas un id', accessToken });
    expect(bad.json<Failed>().error.fields[0]?.message).toMatch(/point de vente/);
    expect(await db.db.selectFrom('till_connection').selectAll().execute()).toEqual([]);
  });

  it('saves the location, tests it over HTTP and never shows or stores the token in clear', async () => {
    const creds = sim.credentials();
    const res = await saveTill(owner, path, { tillType: 'hubrise', ...creds });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<Saved>();
    expect(body.test).toMatchObject({ ok: true, siteName: sim.locations[0]?.till.restaurant.name });
    expect(body.test.productCount).toBeGreaterThan(10);
    expect(body.connection).toMatchObject({ tillType: 'hubrise', status: 'ok', kmlcode: creds.locationId });
    expect(res.body).not.toContain(creds.accessToken);
    expect((await owner.get(`${path}/tills`)).body).not.toContain(creds.accessToken);
    const row = await db.db.selectFrom('till_connection').selectAll().executeTakeFirstOrThrow();
    expect(row.till_type).toBe('hubrise');
    expect(row.password_encrypted).not.toContain(creds.accessToken);
  });

  it('asks for the token again to move to another location or to another till', async () => {
    const other = sim.locations[1]?.locationId;
    const move = await saveTill(owner, path, { tillType: 'hubrise', locationId: other, apiOrigin: sim.url });
    expect(move.statusCode).toBe(400);
    expect(move.json<Failed>().error.fields[0]?.field).toBe('body.accessToken');
    const asterio = await saveTill(owner, path, {
      tillType: 'asterio',
      domain: 'https://monresto-70001.myasterio.com',
      kmlcode: 'monresto-70001',
      identifier: 'MONRESTO_GENERICDATA',
    });
    expect(asterio.statusCode).toBe(400);
    expect(asterio.json<Failed>().error.fields[0]?.field).toBe('body.password');
  });

  it('imports a HubRise night: products keyed by SKU ref, orders as tickets', async () => {
    const run = await importNight(
      db.db,
      t.tills,
      {
        establishmentId,
        tillId: await soleTillId(db.db, establishmentId),
        day: '2026-11-28',
        trigger: 'manual',
      },
      t.clock,
    );
    expect(run.status, JSON.stringify(run)).toBe('succeeded');
    const connection = await soleTill(db.db, establishmentId);
    const till = sim.till();
    const products = await db.db
      .selectFrom('till_product')
      .select('external_id')
      .where('establishment_id', '=', establishmentId)
      .where('till_id', '=', connection?.id ?? '')
      .execute();
    expect(new Set(products.map((p) => p.external_id))).toEqual(
      new Set(
        till
          .products()
          .filter((p) => p.retiredOn === null || p.retiredOn > till.today())
          .map((p) => p.id),
      ),
    );
    const sold = till
      .tickets('2026-11-28')
      .reduce((n, tk) => n + tk.lines.filter((l) => l.quantity > 0).length, 0);
    expect(run.lines).toBeGreaterThan(0);
    expect(run.lines).toBeLessThanOrEqual(sold);
    // The day after is not over by the app's clock: HubRise has no day closure of its own.
    const open = await importNight(
      db.db,
      t.tills,
      {
        establishmentId,
        tillId: await soleTillId(db.db, establishmentId),
        day: '2026-11-30',
        trigger: 'manual',
      },
      t.clock,
    );
    expect(open.status).toBe('waiting');
  });
});
