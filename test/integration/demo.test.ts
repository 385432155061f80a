import { afterAll, beforeAll, expect, it } from 'vitest';
import { stopDemoSimulator } from '../../src/services/demo/demoTill.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';

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
    expect(res.statusCode, res.body).toBe(201);
    const { establishment, queuedDays } = res.json<{
      establishment: { id: string; isDemo: boolean };
      queuedDays: string[];
    }>();
    expect(establishment.isDemo).toBe(true);
    expect(queuedDays).toHaveLength(27);
    const base = `/api/establishments/${establishment.id}`;
    const work = (await c.get(`${base}/till-products`)).json<{
      unlinked: number;
      items: { hasSales: boolean }[];
    }>();
    expect(work.unlinked).toBeGreaterThan(20);
    expect(work.items.some((i) => i.hasSales)).toBe(true);
    const till = (await c.get(`${base}/till`)).json<{
      connection: { status: string; isSimulator: boolean };
    }>();
    expect(till.connection.isSimulator).toBe(true);
    expect((await c.post(`${base}/till/test`)).json<{ test: { ok: boolean } }>().test.ok).toBe(true);
    await t.imports.drain();
    const runs = (await c.get(`${base}/imports`)).json<{ runs: { status: string }[] }>().runs;
    expect(runs).toHaveLength(28);
    expect(runs.every((r) => r.status === 'succeeded' || r.status === 'partial')).toBe(true);
  });
});
