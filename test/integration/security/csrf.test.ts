import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../../helpers/client.ts';

// CSRF is checked on the routed path: an encoded `/%61pi/…` must not skip it (issue 10, 6).
describeOnBothDatabases('CSRF on the routed path', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let alice: TestClient;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    alice = new TestClient(t.app);
    await alice.signUp('alice@example.fr', 'une-phrase-longue');
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  const noToken = (c: TestClient, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      ...(body === undefined ? {} : { payload: body as object }),
    });

  it.each([
    ['/%61pi/auth/login', { email: 'alice@example.fr', password: 'une-phrase-longue' }],
    ['/%61pi/auth/signup', { email: 'eve@example.fr', password: 'une-phrase-longue' }],
    ['/api/auth/%6cogin', { email: 'alice@example.fr', password: 'une-phrase-longue' }],
    ['/%61pi/auth/logout', {}],
    ['/%61pi/establishments', { name: 'Forgé' }],
  ])('refuses POST %s without the token', async (url, body) => {
    const res = await noToken(alice, 'POST', url, body);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'csrf_failed' } });
  });

  it('refuses PATCH and PUT on encoded paths, and keeps the session alive', async () => {
    const patch = await noToken(alice, 'PATCH', '/%61pi/auth/me', { locale: 'en' });
    expect(patch.statusCode).toBe(403);
    expect((await alice.get('/api/auth/me')).json()).toMatchObject({ account: { locale: 'fr' } });
    const signups = await db.db
      .selectFrom('account')
      .where('email', '=', 'eve@example.fr')
      .select('id')
      .execute();
    expect(signups).toHaveLength(0);
    expect((await alice.get('/api/establishments')).json()).toEqual({ items: [] });
  });

  it('still works with the token on the encoded path', async () => {
    const res = await alice.post('/%61pi/establishments', { name: 'Avec jeton' });
    expect(res.statusCode).toBe(201);
  });
});
