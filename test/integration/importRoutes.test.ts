import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';

type Overview = {
  runs: { businessDay: string; status: string; lines: number }[];
  pending: string[];
  lastClosedDay: string;
  tills: { lastImportAt: string | null }[];
};

describeOnBothDatabases('import page API', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let sim: AsterioSimulator;
  let owner: TestClient;
  let base: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db, '2026-11-27T09:00:00Z');
    sim = createAsterioSimulator({ seed: 3, clock: t.clock });
    await sim.listen(0);
    owner = new TestClient(t.app);
    await owner.signUp('gerant@resto.fr');
    base = `/api/establishments/${await owner.createEstablishment('Chez Marcel')}`;
    expect((await owner.post(`${base}/tills`, sim.credentials('chezmarcel-70004'))).statusCode).toBe(201);
  });
  afterAll(async () => {
    await sim.close();
    await t.app.close();
    await db.drop();
  });

  it('"Importer maintenant" imports the last closed day', async () => {
    const res = await owner.post(`${base}/imports`, {});
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ days: ['2026-11-26'], tillIds: [expect.any(String)] });
    await t.imports.drain();
    const overview = (await owner.get(`${base}/imports`)).json<Overview>();
    expect(overview.lastClosedDay).toBe('2026-11-26');
    expect(overview.pending).toEqual([]);
    expect(overview.runs[0]).toMatchObject({ businessDay: '2026-11-26', status: 'succeeded' });
    expect(overview.runs[0]?.lines).toBeGreaterThan(0);
    expect(overview.tills).toHaveLength(1);
    expect(overview.tills[0]?.lastImportAt).not.toBeNull();
    expect(overview).not.toHaveProperty('connection');
  });

  it('"Réimporter" a range imports each day in date order', async () => {
    const res = await owner.post(`${base}/imports`, { from: '2026-11-22', to: '2026-11-24' });
    expect(res.json()).toEqual({
      days: ['2026-11-22', '2026-11-23', '2026-11-24'],
      tillIds: [expect.any(String)],
    });
    await t.imports.drain();
    const runs = (await owner.get(`${base}/imports`)).json<Overview>().runs;
    expect(runs.map((r) => r.businessDay)).toEqual(['2026-11-26', '2026-11-24', '2026-11-23', '2026-11-22']);
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
  });

  it('rejects bad ranges with a French message', async () => {
    for (const body of [
      { from: '2026-11-24', to: '2026-11-20' },
      { from: '2026-13-01' },
      { from: '2026-12-05' },
      { from: '2026-01-01', to: '2026-11-20' },
    ]) {
      const res = await owner.post(`${base}/imports`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('lets staff see the import page but not start imports', async () => {
    const staff = new TestClient(t.app);
    await owner.post(`${base}/members`, { email: 'plonge@resto.fr', role: 'staff' });
    await staff.signUp('plonge@resto.fr');
    expect((await staff.get(`${base}/imports`)).statusCode).toBe(200);
    expect((await staff.post(`${base}/imports`, {})).statusCode).toBe(403);
  });
});
