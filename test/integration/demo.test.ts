import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { stopDemoSimulator } from '../../src/services/demo/demoTill.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, waitForTask, type TestApp } from '../helpers/client.ts';

describeOnBothDatabases('demo establishment', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db, new Date().toISOString());
  });
  afterAll(async () => {
    await t.app.close();
    await stopDemoSimulator();
    await db.drop();
  });

  it('is connected to the built-in simulator, has its last night at once and four weeks after the queue drains', async () => {
    const c = new TestClient(t.app);
    await c.signUp('curieux@demo.fr');
    const res = await c.post('/api/demo');
    // The request only queues the create-demo job: 202 and the task to follow.
    expect(res.statusCode, res.body).toBe(202);
    const task = await waitForTask(c, res.json<{ taskId: string }>().taskId);
    expect(task).toMatchObject({ state: 'succeeded', stateLabel: 'Terminé', done: 1, total: 1 });
    const { establishmentId, queuedDays } = task.result as { establishmentId: string; queuedDays: string[] };
    expect(task.establishmentId).toBe(establishmentId);
    const establishment = (await c.get(`/api/establishments/${establishmentId}`)).json<{ isDemo: boolean }>();
    expect(establishment.isDemo).toBe(true);
    expect(queuedDays).toHaveLength(27);
    const base = `/api/establishments/${establishmentId}`;
    const work = (await c.get(`${base}/till-products`)).json<{
      unlinked: number;
      items: { hasSales: boolean }[];
    }>();
    expect(work.unlinked).toBeGreaterThan(20);
    expect(work.items.some((i) => i.hasSales)).toBe(true);
    const { tills } = (await c.get(`${base}/tills`)).json<{
      tills: { id: string; name: string; isSimulator: boolean }[];
    }>();
    expect(tills).toEqual([expect.objectContaining({ name: 'Astério', isSimulator: true })]);
    const tested = await c.post(`${base}/tills/${tills[0]?.id ?? ''}/test`);
    expect(tested.json<{ test: { ok: boolean } }>().test.ok).toBe(true);
    await t.imports.drain();
    const runs = (await c.get(`${base}/imports`)).json<{ runs: { status: string }[] }>().runs;
    expect(runs).toHaveLength(28);
    expect(runs.every((r) => r.status === 'succeeded' || r.status === 'partial')).toBe(true);
  });

  it('is all or nothing: a failure halfway leaves no establishment, no connection and no run', async () => {
    // The till password cannot be sealed: the establishment is already written when the demo fails.
    const seal = vi.spyOn(t.tills.secrets, 'seal').mockImplementation(() => {
      throw new Error('coffre indisponible');
    });
    try {
      const c = new TestClient(t.app);
      await c.signUp('interrompu@demo.fr');
      const before = await countRows();
      const res = await c.post('/api/demo');
      expect(res.statusCode).toBe(202);
      const task = await waitForTask(c, res.json<{ taskId: string }>().taskId);
      expect(task).toMatchObject({ state: 'failed', stateLabel: 'Échec', establishmentId: null });
      expect(task.error).toMatch(/^La démo n’a pas pu être créée/);
      expect(seal).toHaveBeenCalled();
      expect((await c.get('/api/establishments')).json<{ items: unknown[] }>().items).toEqual([]);
      expect(await countRows()).toEqual(before);
    } finally {
      seal.mockRestore();
    }
  });

  async function countRows() {
    const count = async (table: 'establishment' | 'till_connection' | 'import_run' | 'membership') =>
      Number(
        (
          await db.db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      establishments: await count('establishment'),
      memberships: await count('membership'),
      connections: await count('till_connection'),
      runs: await count('import_run'),
    };
  }
});
