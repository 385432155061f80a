import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';

describeOnBothDatabases('accounts and sessions', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  it('signs up with an argon2id hash and an httpOnly SameSite session cookie', async () => {
    const c = new TestClient(t.app);
    const res = await c.post('/api/auth/signup', {
      email: 'Alice@Example.fr',
      password: 'une-phrase-longue',
    });
    expect(res.statusCode).toBe(201);
    const session = res.cookies.find((k) => k.name === 'cellier_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    const row = await db.db
      .selectFrom('account')
      .select(['email', 'password_hash'])
      .executeTakeFirstOrThrow();
    expect(row.email).toBe('alice@example.fr');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const me = await c.get('/api/auth/me');
    expect(me.json()).toMatchObject({ account: { email: 'alice@example.fr' } });
  });

  it('refuses a second account with the same email, whatever the case', async () => {
    const res = await new TestClient(t.app).post('/api/auth/signup', {
      email: 'ALICE@example.fr',
      password: 'une-phrase-longue',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'email_taken' } });
  });

  it('rejects a short password with the field and a French message, writing nothing', async () => {
    const res = await new TestClient(t.app).post('/api/auth/signup', {
      email: 'bob@example.fr',
      password: 'court',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: 'validation_failed', fields: [{ field: 'body.password' }] },
    });
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/au moins 10 caractères/);
    const n = await db.db.selectFrom('account').where('email', '=', 'bob@example.fr').select('id').execute();
    expect(n).toHaveLength(0);
  });

  it('gives the same generic error for a wrong email and a wrong password', async () => {
    const c = new TestClient(t.app, '10.0.0.1');
    const wrongPassword = await c.post('/api/auth/login', {
      email: 'alice@example.fr',
      password: 'pas-le-bon-mot',
    });
    const wrongEmail = await c.post('/api/auth/login', {
      email: 'nobody@example.fr',
      password: 'pas-le-bon-mot',
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(wrongEmail.json());
    const ok = await c.post('/api/auth/login', { email: 'alice@example.fr', password: 'une-phrase-longue' });
    expect(ok.statusCode).toBe(200);
  });

  it('rate-limits after 10 failures per account and IP, and only for that pair', async () => {
    const attacker = new TestClient(t.app, '10.0.0.66');
    for (let i = 0; i < 10; i++) {
      const res = await attacker.post('/api/auth/login', {
        email: 'alice@example.fr',
        password: `essai-${i}-incorrect`,
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await attacker.post('/api/auth/login', {
      email: 'alice@example.fr',
      password: 'une-phrase-longue',
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    const elsewhere = new TestClient(t.app, '10.0.0.67');
    expect(
      (await elsewhere.post('/api/auth/login', { email: 'alice@example.fr', password: 'une-phrase-longue' }))
        .statusCode,
    ).toBe(200);
    t.clock.advance(16 * 60 * 1000);
    expect(
      (await attacker.post('/api/auth/login', { email: 'alice@example.fr', password: 'une-phrase-longue' }))
        .statusCode,
    ).toBe(200);
  });

  it('requires the CSRF header on every state-changing request', async () => {
    const c = new TestClient(t.app);
    await c.get('/api/auth/me');
    const noHeader = await c.request(
      'POST',
      '/api/auth/login',
      { email: 'alice@example.fr', password: 'une-phrase-longue' },
      {
        'x-csrf-token': '',
      },
    );
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    const forged = await c.request(
      'POST',
      '/api/establishments',
      { name: 'X' },
      { 'x-csrf-token': 'forged-token-value' },
    );
    expect(forged.statusCode).toBe(403);
  });

  it('expires sessions (401) and signs out', async () => {
    const c = new TestClient(t.app);
    await c.post('/api/auth/login', { email: 'alice@example.fr', password: 'une-phrase-longue' });
    expect((await c.get('/api/establishments')).statusCode).toBe(200);
    t.clock.advance(15 * 24 * 3600 * 1000);
    const expired = await c.get('/api/establishments');
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    await c.post('/api/auth/login', { email: 'alice@example.fr', password: 'une-phrase-longue' });
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/establishments')).statusCode).toBe(401);
  });
});

describe('health', () => {
  it('answers with the database kind and version', async () => {
    const db = await createTestDatabase('pglite');
    const t = await createTestApp(db);
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: 'pglite', version: 'test' });
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.json()).toHaveProperty(['paths', '/api/establishments/{establishmentId}/drinks']);
    await t.app.close();
    await db.drop();
  });
});
