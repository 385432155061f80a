import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../../helpers/client.ts';
import { LIMITED_ROUTES } from '../../../src/http/rateLimits.ts';
import { planImportsJob } from '../../../src/jobs/definitions.ts';

// Sign-ups, demos and till connection tests are rate limited in the database, so that two app instances on
// the same database share one allowance (issue 10, 9). Each instance would count alone with an in-memory store.
describeOnBothDatabases('rate limits shared across app instances', (kind) => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  const limits = {
    signup: { max: 3, windowMs: 3_600_000 },
    demo: { max: 2, windowMs: 3_600_000 },
    tillTest: { max: 2, windowMs: 600_000 },
  };
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    a = await createTestApp(db, '2026-11-27T10:00:00Z', { rateLimits: limits });
    b = await createTestApp(db, '2026-11-27T10:00:00Z', { rateLimits: limits });
  });
  afterAll(async () => {
    await a.app.close();
    await b.app.close();
    await db.drop();
  });

  const signUp = (t: TestApp, ip: string, email: string) =>
    new TestClient(t.app, ip).post('/api/auth/signup', { email, password: 'une-phrase-longue' });

  it('limits every route it names, on both instances', () => {
    for (const t of [a, b])
      for (const r of LIMITED_ROUTES)
        expect(
          t.app.routeTable.some((e) => e.method === r.method && e.url === r.url),
          r.url,
        ).toBe(true);
  });

  it('counts sign-ups from one address across both instances, and lets another address in', async () => {
    expect((await signUp(a, '203.0.113.1', 'un@resto.fr')).statusCode).toBe(201);
    expect((await signUp(b, '203.0.113.1', 'deux@resto.fr')).statusCode).toBe(201);
    expect((await signUp(a, '203.0.113.1', 'trois@resto.fr')).statusCode).toBe(201);
    const refused = await signUp(b, '203.0.113.1', 'quatre@resto.fr');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/réessayez dans 60 min/);
    expect(Number(refused.headers['retry-after'])).toBe(3600);
    expect((await signUp(b, '203.0.113.2', 'quatre@resto.fr')).statusCode).toBe(201);
    const accounts = await db.db.selectFrom('account').select('email').execute();
    expect(accounts.map((r) => r.email).sort()).toEqual([
      'deux@resto.fr',
      'quatre@resto.fr',
      'trois@resto.fr',
      'un@resto.fr',
    ]);
  });

  it('opens again when the window has passed (by the app clock)', async () => {
    a.clock.advance(3_600_001);
    b.clock.advance(3_600_001);
    expect((await signUp(a, '203.0.113.1', 'cinq@resto.fr')).statusCode).toBe(201);
  });

  it('lets exactly the allowance through when parallel requests hit both instances', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signUp(i % 2 ? a : b, '198.51.100.7', `p${i}@resto.fr`)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(9);
  });

  it('limits demo creation', async () => {
    const anonymous = (t: TestApp) => new TestClient(t.app, '192.0.2.9').post('/api/demo');
    expect((await anonymous(a)).statusCode).toBe(401);
    expect((await anonymous(b)).statusCode).toBe(401);
    expect((await anonymous(a)).statusCode).toBe(429);
  });

  it('limits till connection tests per account and establishment, adding and saving included', async () => {
    const owner = new TestClient(a.app, '192.0.2.10');
    await owner.signUp('patron@bistrot.fr');
    const first = await owner.createEstablishment('Premier');
    const second = await owner.createEstablishment('Second');
    const onB = new TestClient(b.app, '192.0.2.10');
    for (const [k, v] of owner.cookies) onB.cookies.set(k, v);
    const tills = (id: string) => `/api/establishments/${id}/tills`;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const test = (c: TestClient, id: string) => c.post(`${tills(id)}/${unknown}/test`);
    expect((await test(owner, first)).statusCode).toBe(404);
    // A host outside the allowed domains: refused by the service, after the limit has counted it.
    const settings = { domain: 'https://caisse.exemple.fr', kmlcode: 'K', identifier: 'id', password: 'pw' };
    expect((await onB.post(tills(first), settings)).statusCode).toBe(400);
    expect((await test(onB, first)).statusCode).toBe(429);
    expect((await owner.put(`${tills(first)}/${unknown}`, settings)).statusCode).toBe(429);
    expect((await test(owner, second)).statusCode).toBe(404);
    expect((await onB.post(tills(second), settings)).statusCode).toBe(400);
    expect((await owner.post(tills(second), settings)).statusCode).toBe(429);
  });

  it('purges expired counters on the planner tick', async () => {
    a.clock.advance(2 * 3_600_000);
    await planImportsJob.run(
      { db: db.db, tills: a.tills, clock: a.clock, imports: { enqueue: async () => undefined } },
      {},
    );
    expect(await db.db.selectFrom('rate_limit').select('key').execute()).toEqual([]);
  });
});
