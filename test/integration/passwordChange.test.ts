import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';

const OLD = 'ancien-mot-de-passe';
const NEW = 'nouveau-mot-de-passe';

describeOnBothDatabases('password change and signing out everywhere', (kind) => {
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

  const signIn = async (email: string, password: string) => {
    const c = new TestClient(t.app);
    const res = await c.post('/api/auth/login', { email, password });
    return { c, status: res.statusCode };
  };
  const hashOf = async (email: string) =>
    (
      await db.db
        .selectFrom('account')
        .select('password_hash')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).password_hash;
  const sessionCount = async (accountId: string) =>
    (await db.db.selectFrom('session').select('id').where('account_id', '=', accountId).execute()).length;

  it('ends the other sessions, keeps the current one, and only the new password opens a session', async () => {
    const laptop = new TestClient(t.app);
    const { id } = await laptop.signUp('change@example.fr', OLD);
    const { c: phone } = await signIn('change@example.fr', OLD);
    const { c: tablet } = await signIn('change@example.fr', OLD);
    expect((await phone.get('/api/establishments')).statusCode).toBe(200);
    const other = new TestClient(t.app);
    const { id: otherId } = await other.signUp('autre@example.fr', OLD);

    const res = await laptop.post('/api/auth/password', { currentPassword: OLD, newPassword: NEW });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ endedSessions: 2 });
    expect(await hashOf('change@example.fr')).toMatch(/^\$argon2id\$/);

    expect((await phone.get('/api/establishments')).statusCode).toBe(401);
    expect((await tablet.get('/api/establishments')).statusCode).toBe(401);
    expect((await laptop.get('/api/establishments')).statusCode).toBe(200);
    // Another account's sessions are not touched.
    expect((await other.get('/api/establishments')).statusCode).toBe(200);
    expect(await sessionCount(otherId)).toBe(1);
    expect(await sessionCount(id)).toBe(1);

    expect((await signIn('change@example.fr', OLD)).status).toBe(401);
    expect((await signIn('change@example.fr', NEW)).status).toBe(200);
  });

  it('refuses a wrong current password with a clear 400 and changes nothing', async () => {
    const c = new TestClient(t.app);
    const { id } = await c.signUp('wrong@example.fr', OLD);
    const { c: phone } = await signIn('wrong@example.fr', OLD);
    const before = await hashOf('wrong@example.fr');
    const res = await c.post('/api/auth/password', { currentPassword: 'pas-le-bon', newPassword: NEW });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        message: 'Mot de passe actuel incorrect',
        fields: [{ field: 'currentPassword' }],
      },
    });
    expect(await hashOf('wrong@example.fr')).toBe(before);
    expect(await sessionCount(id)).toBe(2);
    expect((await phone.get('/api/establishments')).statusCode).toBe(200);
    expect((await signIn('wrong@example.fr', OLD)).status).toBe(200);
    expect((await signIn('wrong@example.fr', NEW)).status).toBe(401);
  });

  it('checks the new password like sign-up does, and needs a session and the CSRF header', async () => {
    const c = new TestClient(t.app);
    await c.signUp('rules@example.fr', OLD);
    const short = await c.post('/api/auth/password', { currentPassword: OLD, newPassword: 'court' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ error: { fields: [{ field: 'body.newPassword' }] } });
    const same = await c.post('/api/auth/password', { currentPassword: OLD, newPassword: OLD });
    expect(same.statusCode).toBe(400);
    expect(same.json()).toMatchObject({ error: { fields: [{ field: 'body.newPassword' }] } });
    const forged = await c.request(
      'POST',
      '/api/auth/password',
      { currentPassword: OLD, newPassword: NEW },
      { 'x-csrf-token': 'forged' },
    );
    expect(forged.statusCode).toBe(403);
    const anonymous = new TestClient(t.app);
    const none = await anonymous.post('/api/auth/password', { currentPassword: OLD, newPassword: NEW });
    expect(none.statusCode).toBe(401);
    expect((await signIn('rules@example.fr', OLD)).status).toBe(200);
  });

  it('counts wrong current passwords against the login limit', async () => {
    const c = new TestClient(t.app, '10.9.9.9');
    await c.signUp('guess@example.fr', OLD);
    const answers: number[] = [];
    for (let i = 0; i < 11; i++)
      answers.push(
        (await c.post('/api/auth/password', { currentPassword: `essai-${i}`, newPassword: NEW })).statusCode,
      );
    expect(answers.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(answers[10]).toBe(429);
    t.clock.advance(16 * 60 * 1000);
  });

  it('"Se déconnecter partout" ends every session of the account, the current one included', async () => {
    const laptop = new TestClient(t.app);
    const { id } = await laptop.signUp('partout@example.fr', OLD);
    const { c: phone } = await signIn('partout@example.fr', OLD);
    const other = new TestClient(t.app);
    await other.signUp('voisin@example.fr', OLD);
    const res = await laptop.post('/api/auth/logout-everywhere');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ endedSessions: 2 });
    expect(res.cookies.find((k) => k.name === 'cellier_session')?.value).toBe('');
    expect((await laptop.get('/api/establishments')).statusCode).toBe(401);
    expect((await phone.get('/api/establishments')).statusCode).toBe(401);
    expect((await other.get('/api/establishments')).statusCode).toBe(200);
    expect(await sessionCount(id)).toBe(0);
    expect((await signIn('partout@example.fr', OLD)).status).toBe(200);
  });
});
