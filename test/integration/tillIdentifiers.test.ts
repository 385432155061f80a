import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';
import { saveTill, testTill } from '../helpers/tills.ts';

// Only owners see where the till is and how Cellier signs in to it (issue 10, secrets); the others see its state.
describeOnBothDatabases('till identifiers by role', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let sim: AsterioSimulator;
  const clients: Record<'owner' | 'manager' | 'staff', TestClient> = {} as never;
  let base: string;
  let creds: ReturnType<AsterioSimulator['credentials']>;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    sim = createAsterioSimulator({ seed: 7, now: '2026-11-27T10:00:00Z' });
    await sim.listen(0);
    clients.owner = new TestClient(t.app);
    await clients.owner.signUp('patron@resto.fr');
    base = `/api/establishments/${await clients.owner.createEstablishment('Le Comptoir')}`;
    for (const role of ['manager', 'staff'] as const) {
      clients[role] = new TestClient(t.app);
      await clients.owner.post(`${base}/members`, { email: `${role}@resto.fr`, role });
      await clients[role].signUp(`${role}@resto.fr`);
    }
    creds = sim.credentials();
    const saved = await saveTill(clients.owner, base, creds);
    expect(saved.json<{ test: { ok: boolean } }>().test.ok).toBe(true);
  });
  afterAll(async () => {
    await sim.close();
    await t.app.close();
    await db.drop();
  });

  const secrets = () => [creds.domain, creds.kmlcode, creds.identifier, new URL(creds.domain).host];

  it('the owner reads the till settings with the identifiers', async () => {
    const res = await clients.owner.get(`${base}/tills`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      tills: [{ domain: creds.domain, kmlcode: creds.kmlcode, identifier: creds.identifier, status: 'ok' }],
    });
    expect(res.body).not.toContain(creds.password);
  });

  it.each(['manager', 'staff'] as const)('a %s cannot read the till settings', async (role) => {
    const res = await clients[role].get(`${base}/tills`);
    expect(res.statusCode).toBe(403);
    for (const s of secrets()) expect(res.body).not.toContain(s);
  });

  it.each(['owner', 'manager', 'staff'] as const)(
    'the imports page shows a %s the connection’s state and no identifier',
    async (role) => {
      const res = await clients[role].get(`${base}/imports`);
      expect(res.statusCode).toBe(200);
      const [connection] = res.json<{ tills: Record<string, unknown>[] }>().tills;
      expect(connection).toMatchObject({
        status: 'ok',
        tillType: 'asterio',
        siteName: expect.any(String) as unknown,
      });
      for (const key of ['domain', 'kmlcode', 'siteCode', 'identifier', 'password', 'hasPassword'])
        expect(connection).not.toHaveProperty(key);
      for (const s of secrets()) expect(res.body).not.toContain(s);
      expect(res.body).not.toContain(creds.password);
    },
  );

  it('a failing till shows its state and French error to staff, still without identifiers', async () => {
    sim.setFaults(creds.kmlcode, { malformedNext: 10 });
    await testTill(clients.owner, base);
    const res = await clients.staff.get(`${base}/imports`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      tills: [{ status: 'failing', statusMessage: expect.any(String) as unknown }],
    });
    for (const s of secrets()) expect(res.body).not.toContain(s);
    sim.setFaults(creds.kmlcode, {});
  });
});
