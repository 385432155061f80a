/**
 * Issue 9, what a newcomer meets over HTTP: the app composed as `npm start` composes it, the Astério simulator
 * over loopback HTTP, a mock clock. Defects 5 (nothing imported yet), 6 (not-a-drink proposals) and 7 (past
 * sales keep the till's label of the day) and 12 (the history on first connection).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/client.ts';

type SaleDay = { day: string; tillProductId: string; label: string; quantity: number };

describeOnBothDatabases('a newcomer connects the till [issue 9]', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let sim: AsterioSimulator;
  let owner: TestClient;
  let eid: string;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db, '2026-11-27T09:00:00Z');
    sim = createAsterioSimulator({ seed: 11, clock: t.clock });
    await sim.listen(0);
    owner = new TestClient(t.app);
    await owner.signUp('patron@zinc.fr');
    eid = await owner.createEstablishment('Le Petit Zinc');
    base = `/api/establishments/${eid}`;
    const saved = await owner.post(`${base}/tills`, sim.credentials('lepetitzinc-70001'));
    expect(saved.json<{ test: { ok: boolean } }>().test.ok).toBe(true);
  });
  afterAll(async () => {
    await sim.close();
    await t.app.close();
    await db.drop();
  });

  type WorkList = {
    unlinked: number;
    tillProducts: number;
    imports: { importedDays: number; pendingDays: number; lastRun: { status: string } | null };
  };
  const workList = async () => (await owner.get(`${base}/till-products?pageSize=1`)).json<WorkList>();

  it('defect 5: right after connecting, the work list says nothing was imported, not that all is linked', async () => {
    const before = await workList();
    expect(before).toMatchObject({
      unlinked: 0,
      tillProducts: 0,
      imports: { importedDays: 0, pendingDays: 0, lastRun: null },
    });
    // A night that is not closed yet: the state says so.
    expect((await owner.post(`${base}/imports`, { from: '2026-11-27' })).statusCode).toBe(202);
    await t.imports.drain();
    expect((await workList()).imports).toMatchObject({ importedDays: 0, lastRun: { status: 'waiting' } });
  });

  it('defect 12: the history offered on first connection imports the last 30 closed days', async () => {
    const res = await owner.post(`${base}/imports`, { lastDays: 30 });
    expect(res.statusCode).toBe(202);
    const { days } = res.json<{ days: string[] }>();
    expect(days).toHaveLength(30);
    expect([days[0], days.at(-1)]).toEqual(['2026-10-28', '2026-11-26']);
    expect((await workList()).imports.pendingDays).toBeGreaterThan(0);
    await t.imports.drain();
    const after = await workList();
    expect(after.tillProducts).toBeGreaterThan(0);
    expect(after.imports).toMatchObject({ importedDays: 30, pendingDays: 0 });
    for (const bad of [{ lastDays: 0 }, { lastDays: 94 }, { lastDays: 30, from: '2026-11-01' }])
      expect((await owner.post(`${base}/imports`, bad)).statusCode, JSON.stringify(bad)).toBe(400);
  });

  it('defect 7: the Ventes tab lists each past day under the label the till printed that day', async () => {
    // A product whose till label changed within the imported month (the simulator bumps vintages).
    const renamed = await db.db
      .selectFrom('sale_line')
      .select('till_product_id')
      .where('establishment_id', '=', eid)
      .groupBy('till_product_id')
      .having((eb) => eb.fn.count<number>('label').distinct(), '>', 1)
      .executeTakeFirst();
    if (!renamed) throw new Error('the simulator changed no label in a month');
    const id = renamed.till_product_id;
    const link = await owner.post(`${base}/till-products/${id}/link`, {
      target: { kind: 'new', drink: { producer: 'Domaine du Libellé', formatCl: 75 } },
      factor: 1,
    });
    expect(link.statusCode, link.body).toBe(200);
    const drinkId = link.json<{ drink: { id: string } }>().drink.id;

    const sales = await owner.get(`${base}/drinks/${drinkId}/sales?from=2026-10-01&to=2026-11-30`);
    const days = sales.json<{ days: SaleDay[] }>().days;
    const truth = await db.db
      .selectFrom('sale_line')
      .select(['business_day', 'label'])
      .distinct()
      .where('establishment_id', '=', eid)
      .where('till_product_id', '=', id)
      .execute();
    const shown = days.map((d) => `${d.day} ${d.label}`).sort();
    expect(shown).toEqual(truth.map((r) => `${r.business_day} ${r.label}`).sort());
    expect(new Set(days.map((d) => d.label)).size).toBeGreaterThan(1);
  });

  it('defect 6: dishes, coffees and services are proposed as not drinks, and ignored only when asked', async () => {
    type Proposal = { id: string; label: string; family: string | null; reason: string };
    const proposals = (await owner.get(`${base}/till-products/not-drinks`)).json<{ items: Proposal[] }>()
      .items;
    const labels = proposals.map((p) => p.label);
    expect(labels).toEqual(expect.arrayContaining(['CAFE', 'TARTE TATIN', 'SUPPL FRITES']));
    expect(labels.filter((l) => /^(BTL|VRE|VERRE|PICHET|BLLE|MAG)\b/.test(l))).toEqual([]);
    expect(new Set(proposals.map((p) => p.reason))).toEqual(new Set(['family', 'label']));
    // Proposed, not hidden: still in the work list until the user confirms.
    const before = await workList();
    const listed = (await owner.get(`${base}/till-products?q=tatin`)).json<{
      items: { label: string }[];
    }>();
    expect(listed.items.map((i) => i.label)).toContain('TARTE TATIN');

    const res = await owner.post(`${base}/till-products/ignore-many`, {
      tillProductIds: proposals.map((p) => p.id),
    });
    expect(res.json()).toEqual({ updated: proposals.length });
    expect((await workList()).unlinked).toBe(before.unlinked - proposals.length);
    expect((await owner.get(`${base}/till-products/not-drinks`)).json()).toEqual({ items: [] });
    const ignored = (await owner.get(`${base}/till-products?status=ignored&q=tatin`)).json<{
      items: { label: string }[];
    }>();
    expect(ignored.items.map((i) => i.label)).toEqual(['TARTE TATIN']);
  });
});
