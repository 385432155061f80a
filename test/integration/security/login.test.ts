import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../../helpers/client.ts';

// Password guessing at the HTTP level: forged X-Forwarded-For, many addresses, parallel requests (issue 10, 1–2).
describeOnBothDatabases('login limits against an attacker', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  const password = 'une-phrase-longue';
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    for (const email of ['xff@example.fr', 'spread@example.fr', 'race@example.fr', 'proxy@example.fr'])
      await new TestClient(t.app).signUp(email, password);
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  it('ignores a forged X-Forwarded-For: the 11th guess is refused, right password included', async () => {
    const c = new TestClient(t.app, '203.0.113.7');
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await c.request(
        'POST',
        '/api/auth/login',
        { email: 'xff@example.fr', password: `mauvais-${i}` },
        { 'x-forwarded-for': `198.51.100.${i + 1}` },
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(new Set(statuses.slice(10))).toEqual(new Set([429]));
    const right = await c.request(
      'POST',
      '/api/auth/login',
      { email: 'xff@example.fr', password },
      { 'x-forwarded-for': '192.0.2.200' },
    );
    expect(right.statusCode).toBe(429);
  });

  it('counts failures per e-mail across addresses: 20 then 429 from any address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const c = new TestClient(t.app, `198.51.100.${i + 1}`);
      statuses.push(
        (await c.post('/api/auth/login', { email: 'spread@example.fr', password: `x-${i}` })).statusCode,
      );
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
    const fresh = new TestClient(t.app, '192.0.2.99');
    expect((await fresh.post('/api/auth/login', { email: 'spread@example.fr', password })).statusCode).toBe(
      429,
    );
    t.clock.advance(16 * 60 * 1000);
    expect((await fresh.post('/api/auth/login', { email: 'spread@example.fr', password })).statusCode).toBe(
      200,
    );
  });

  it('records each attempt before checking it: 30 parallel guesses, at most 10 evaluated', async () => {
    const c = new TestClient(t.app, '203.0.113.30');
    await c.get('/api/auth/me');
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        c.post('/api/auth/login', { email: 'race@example.fr', password: `parallele-${i}` }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((s) => s === 401)).toHaveLength(10);
    expect(codes.filter((s) => s === 429)).toHaveLength(20);
  });

  it('with TRUST_PROXY set to the proxy address, the client address comes from X-Forwarded-For', async () => {
    const proxied = await createTestApp(db, '2026-11-27T10:00:00Z', { trustProxy: ['127.0.0.1'] });
    try {
      for (let i = 0; i < 10; i++) {
        const res = await new TestClient(proxied.app).request(
          'POST',
          '/api/auth/login',
          { email: 'proxy@example.fr', password: `faux-${i}` },
          { 'x-forwarded-for': '198.51.100.50' },
        );
        expect(res.statusCode).toBe(401);
      }
      const sameClient = await new TestClient(proxied.app).request(
        'POST',
        '/api/auth/login',
        { email: 'proxy@example.fr', password },
        { 'x-forwarded-for': '198.51.100.50' },
      );
      expect(sameClient.statusCode).toBe(429);
      const otherClient = await new TestClient(proxied.app).request(
        'POST',
        '/api/auth/login',
        { email: 'proxy@example.fr', password },
        { 'x-forwarded-for': '198.51.100.51' },
      );
      expect(otherClient.statusCode).toBe(200);
    } finally {
      await proxied.app.close();
    }
  });
});
