import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../../helpers/client.ts';

// Owners stay owners (issue 10, 5), and inviting does not say whether an account exists (9).
describeOnBothDatabases('roles', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: TestClient;
  let manager: TestClient;
  let ownerId: string;
  let managerId: string;
  let base: string;
  const roleOf = async (accountId: string) =>
    (
      await db.db
        .selectFrom('membership')
        .select('role')
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow()
    ).role;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    owner = new TestClient(t.app);
    ownerId = (await owner.signUp('patron@resto.fr')).id;
    base = `/api/establishments/${await owner.createEstablishment('Le Comptoir')}`;
    manager = new TestClient(t.app);
    managerId = (await manager.signUp('gerant@resto.fr')).id;
    await owner.post(`${base}/members`, { email: 'gerant@resto.fr', role: 'manager' });
    await manager.readSession();
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  it('an invitation never changes the role of an existing member: the manager cannot demote the owner', async () => {
    const res = await manager.post(`${base}/members`, { email: 'patron@resto.fr', role: 'staff' });
    expect(res.statusCode).toBe(201);
    expect(await roleOf(ownerId)).toBe('owner');
    await owner.post(`${base}/members`, { email: 'gerant@resto.fr', role: 'owner' });
    expect(await roleOf(managerId)).toBe('manager');
  });

  it('tells the inviter nothing of whether an e-mail has an account, in the answer or the member list', async () => {
    const existing = new TestClient(t.app);
    const existingId = (await existing.signUp('existe@resto.fr')).id;
    const known = await manager.post(`${base}/members`, { email: 'existe@resto.fr', role: 'staff' });
    const unknown = await manager.post(`${base}/members`, { email: 'inconnu@resto.fr', role: 'staff' });
    expect(known.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(201);
    const same = (body: string, email: string) => body.replaceAll(email, '<e-mail>');
    expect(same(known.body, 'existe@resto.fr')).toBe(same(unknown.body, 'inconnu@resto.fr'));

    type Team = {
      members: { email: string }[];
      invitations: { id: string; email: string; role: string; createdAt: string }[];
    };
    const team = (await manager.get(`${base}/members`)).json<Team>();
    expect(team.members.map((m) => m.email)).not.toContain('existe@resto.fr');
    const invited = (email: string) => {
      const found = team.invitations.find((i) => i.email === email);
      expect(found, email).toBeDefined();
      const { id: _id, createdAt: _at, ...rest } = found!;
      return { ...rest, email: '<e-mail>', keys: Object.keys(found!).sort() };
    };
    expect(invited('existe@resto.fr')).toEqual(invited('inconnu@resto.fr'));
    // Nor does the establishment appear to the existing account before it signs in or reads its session.
    expect(
      await db.db.selectFrom('membership').select('role').where('account_id', '=', existingId).execute(),
    ).toEqual([]);

    // The existing account takes the invitation up when its session is read (the web app does on load)…
    await existing.readSession();
    expect(await roleOf(existingId)).toBe('staff');
    const after = (await manager.get(`${base}/members`)).json<Team>();
    expect(after.members.map((m) => m.email)).toContain('existe@resto.fr');
    expect(after.invitations.map((i) => i.email)).toEqual(['inconnu@resto.fr']);
  });

  it('lets an existing account take up an invitation at its next sign-in', async () => {
    const other = new TestClient(t.app);
    const otherId = (await other.signUp('plus-tard@resto.fr')).id;
    await other.post('/api/auth/logout');
    await manager.post(`${base}/members`, { email: 'Plus-Tard@Resto.fr', role: 'staff' });
    const login = await other.post('/api/auth/login', {
      email: 'plus-tard@resto.fr',
      password: 'motdepasse-solide',
    });
    expect(login.statusCode).toBe(200);
    expect(await roleOf(otherId)).toBe('staff');
    const mine = (await other.get('/api/establishments')).json<{ items: { id: string }[] }>();
    expect(mine.items.map((e) => `/api/establishments/${e.id}`)).toEqual([base]);
  });

  it('changes roles only by the owner-only route, which keeps at least one owner', async () => {
    const byManager = await manager.patch(`${base}/members/${ownerId}`, { role: 'staff' });
    expect(byManager.statusCode).toBe(403);
    const lastOwner = await owner.patch(`${base}/members/${ownerId}`, { role: 'manager' });
    expect(lastOwner.statusCode).toBe(409);
    expect(await roleOf(ownerId)).toBe('owner');
    expect((await owner.patch(`${base}/members/${managerId}`, { role: 'owner' })).json()).toEqual({
      accountId: managerId,
      role: 'owner',
    });
    // Two owners demoting each other at once: one wins, the establishment keeps an owner.
    const [a, b] = await Promise.all([
      owner.patch(`${base}/members/${managerId}`, { role: 'staff' }),
      manager.patch(`${base}/members/${ownerId}`, { role: 'staff' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0]).toBe(200);
    expect([403, 409]).toContain(codes[1]);
    const owners = await db.db
      .selectFrom('membership')
      .select('account_id')
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toHaveLength(1);
  });

  it('answers 404 for an account that is not a member', async () => {
    const stranger = (await new TestClient(t.app).signUp('ailleurs@resto.fr')).id;
    const owners = await db.db
      .selectFrom('membership')
      .select('account_id')
      .where('role', '=', 'owner')
      .execute();
    const anOwner = owners[0]?.account_id === ownerId ? owner : manager;
    expect((await anOwner.patch(`${base}/members/${stranger}`, { role: 'staff' })).statusCode).toBe(404);
  });
});
