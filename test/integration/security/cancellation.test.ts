import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAsterioSimulator, type AsterioSimulator } from '../../../src/tills/simulator/index.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../../helpers/client.ts';

// Issue 10, fair use: a request whose client went away stops its work (here, the call to the till).
describeOnBothDatabases('a cancelled request stops its work', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let sim: AsterioSimulator;
  let owner: TestClient;
  let url: string;
  let path: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    sim = createAsterioSimulator({ seed: 11, now: '2026-11-27T10:00:00Z' });
    await sim.listen(0);
    owner = new TestClient(t.app);
    await owner.signUp('patron@annule.fr');
    const tills = `/api/establishments/${await owner.createEstablishment('Le Pressé')}/tills`;
    const added = await owner.post(tills, { tillType: 'asterio', ...sim.credentials() });
    expect(added.statusCode).toBe(201);
    path = `${tills}/${added.json<{ connection: { id: string } }>().connection.id}`;
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await sim.close();
    await t.app.close();
    await db.drop();
  });

  /** The same test route, over real HTTP, from a client that gives up after `ms`. */
  const testAndLeave = async (ms: number) => {
    const controller = new AbortController();
    const cookie = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const sent = fetch(`${url}${path}/test`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': owner.cookies.get('cellier_csrf') ?? '' },
      signal: controller.signal,
    }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, ms));
    controller.abort();
    return sent;
  };

  it('frees the connection-test slots at once when the browser goes away, and records nothing', async () => {
    // The till answers after 8 s: two tests hold both slots until the browsers leave.
    sim.setFaults('*', { latencyMs: 8000 });
    await Promise.all([testAndLeave(400), testAndLeave(400)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // A test cut short says nothing about the till: no 'failing' status is recorded for it.
    const cut = await db.db
      .selectFrom('till_connection')
      .select(['status', 'status_code'])
      .executeTakeFirstOrThrow();
    expect(cut).toEqual({ status: 'ok', status_code: null });
    sim.clearFaults();
    const started = Date.now();
    const third = await owner.post(`${path}/test`, {});
    expect(third.statusCode, third.body).toBe(200);
    expect(third.json<{ test: { ok: boolean } }>().test.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
