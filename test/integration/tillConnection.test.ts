import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';
import { saveTill, testTill } from '../helpers/tills.ts';

type Saved = {
  connection: { status: string; siteName: string | null; hasPassword: boolean };
  test: { ok: boolean; code?: string; message?: string; siteName?: string; productCount?: number };
};

describeOnBothDatabases('till connection settings', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let sim: AsterioSimulator;
  let owner: TestClient;
  let base: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    sim = createAsterioSimulator({ seed: 7, now: '2026-11-27T10:00:00Z' });
    await sim.listen(0);
    owner = new TestClient(t.app);
    await owner.signUp('patron@resto.fr');
    base = `/api/establishments/${await owner.createEstablishment('Le Comptoir')}`;
  });
  afterAll(async () => {
    await sim.close();
    await t.app.close();
    await db.drop();
  });

  it('has no connection at first', async () => {
    expect((await owner.get(`${base}/tills`)).json()).toEqual({ tills: [] });
  });

  it('saves, tests against the till over HTTP and reports the site and its products', async () => {
    const creds = sim.credentials();
    const res = await saveTill(owner, base, { tillType: 'asterio', ...creds });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<Saved>();
    expect(body.test.ok).toBe(true);
    expect(body.test.productCount).toBeGreaterThan(10);
    expect(body.connection).toMatchObject({ status: 'ok', hasPassword: true });
    expect(res.body).not.toContain(creds.password);
    expect((await owner.get(`${base}/tills`)).body).not.toContain(creds.password);
  });

  it('keeps the password encrypted at rest', async () => {
    const creds = sim.credentials();
    const row = await db.db
      .selectFrom('till_connection')
      .select('password_encrypted')
      .executeTakeFirstOrThrow();
    expect(row.password_encrypted).toMatch(/^v2:/);
    expect(row.password_encrypted).not.toContain(creds.password);
  });

  it('says "identifiants refusés" for a wrong password, and keeps the connection marked refused', async () => {
    const creds = sim.credentials();
    const res = await saveTill(owner, base, { ...creds, password: 'mauvais-mot-de-passe' });
    const body = res.json<Saved>();
    expect(body.test).toMatchObject({ ok: false, code: 'auth_refused' });
    expect(body.test.message).toMatch(/refuse les identifiants/);
    expect(body.connection.status).toBe('refused');
    expect(res.body).not.toContain('mauvais-mot-de-passe');
  });

  it('replaces the password without retyping the rest, and keeps it when omitted', async () => {
    const creds = sim.credentials();
    expect((await saveTill(owner, base, { ...creds })).json<Saved>().test.ok).toBe(true);
    const { password: _p, ...withoutPassword } = creds;
    const kept = await saveTill(owner, base, { ...withoutPassword, siteCode: creds.siteCode });
    expect(kept.json<Saved>().test.ok).toBe(true);
    const retest = await testTill(owner, base);
    expect(retest.json<Saved>().test.ok).toBe(true);
  });

  it('says "site inconnu" and "injoignable" for the matching mistakes', async () => {
    const creds = sim.credentials();
    const unknownSite = await saveTill(owner, base, { ...creds, kmlcode: 'inconnu-99999' });
    expect(unknownSite.json<Saved>().test.code).toBe('unknown_site');
    const unreachable = await saveTill(owner, base, { ...creds, domain: 'http://127.0.0.1:9' });
    expect(unreachable.json<Saved>().test.code).toBe('unreachable');
  });

  it('rejects malformed credentials with French field messages, writing nothing', async () => {
    const before = await db.db.selectFrom('till_connection').selectAll().execute();
    const res = await saveTill(owner, base, {
      domain: 'ftp://x',
      kmlcode: 'PAS BON',
      identifier: 'X',
      password: 'p',
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ error: { fields: { field: string }[] } }>().error.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.domain', 'body.kmlcode']));
    expect(await db.db.selectFrom('till_connection').selectAll().execute()).toEqual(before);
  });

  it('is for owners and managers only', async () => {
    const staff = new TestClient(t.app);
    await owner.post(`${base}/members`, { email: 'serveur@resto.fr', role: 'staff' });
    await staff.signUp('serveur@resto.fr');
    expect((await staff.get(`${base}/tills`)).statusCode).toBe(403);
    expect((await staff.post(`${base}/tills`, sim.credentials())).statusCode).toBe(403);
    expect((await staff.post(`${base}/tills/00000000-0000-4000-8000-000000000000/test`)).statusCode).toBe(
      403,
    );
  });
});

describeOnBothDatabases('the local-till switch (CELLIER_DEV_LOCAL_TILLS)', (kind) => {
  let db: TestDatabase;
  let sim: AsterioSimulator;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    sim = createAsterioSimulator({ seed: 7, now: '2026-11-27T10:00:00Z' });
    await sim.listen(0);
  });
  afterAll(async () => {
    await sim.close();
    await db.drop();
  });

  it('refuses the simulator on http://127.0.0.1 when off, connects it when on', async () => {
    const connect = async (devLocalTills: boolean) => {
      const t = await createTestApp(db, '2026-11-27T10:00:00Z', { devLocalTills });
      try {
        const c = new TestClient(t.app);
        await c.signUp(`patron-${String(devLocalTills)}@local.fr`);
        const path = `/api/establishments/${await c.createEstablishment('Local')}/tills`;
        return await c.post(path, { tillType: 'asterio', ...sim.credentials() });
      } finally {
        await t.app.close();
      }
    };
    expect(sim.credentials().domain).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const off = await connect(false);
    expect(off.statusCode).toBe(400);
    expect(off.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    const on = await connect(true);
    expect(on.statusCode, on.body).toBe(201);
    expect(on.json<Saved>().test.ok).toBe(true);
  });
});
