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

  it('answers the same for an e-mail with an account and one without', async () => {
    await new TestClient(t.app).signUp('existe@resto.fr');
    const known = await manager.post(`${base}/members`, { email: 'existe@resto.fr', role: 'staff' });
    const unknown = await manager.post(`${base}/members`, { email: 'inconnu@resto.fr', role: 'staff' });
    expect(known.statusCode).toBe(unknown.statusCode);
    const shape = (r: typeof known) => ({ ...r.json<object>(), email: 'x' });
    expect(shape(known)).toEqual(shape(unknown));
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
