import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { AppError } from '../../src/domain/errors.ts';
import { getDrink } from '../../src/services/drinks/queryDrinks.ts';
import { linkTillProduct } from '../../src/services/sync/linkTillProduct.ts';
import { closeCountSession } from '../../src/services/counts/closeCountSession.ts';
import { countSessionDetail } from '../../src/services/counts/countSessionDetail.ts';
import { createCountSession } from '../../src/services/counts/createCountSession.ts';
import { reopenCountSession } from '../../src/services/counts/reopenCountSession.ts';
import { setCountLine } from '../../src/services/counts/setCountLine.ts';
import { justifyVariance, varianceReasons } from '../../src/services/counts/varianceReasons.ts';
import { varianceReport } from '../../src/services/counts/varianceReport.ts';
import { computeBevCost } from '../../src/services/reports/bevCost.ts';
import { bevCostReport, reportsOverview } from '../../src/services/reports/reports.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { connectedEstablishment } from '../helpers/importSetup.ts';
import {
  busiestProduct,
  drinkWithBase,
  importDay,
  member,
  simLines,
  type CountEnv,
} from '../helpers/countSetup.ts';

/**
 * The inventaire against the simulated till: sales arrive the night after the count and are placed by sold_at
 * relative to the cut-off. A sale after it comes off the new count; a sale before it only explains the variance.
 */
describeOnBothDatabases('count sessions', (kind) => {
  let db: TestDatabase;
  let env: CountEnv;
  let owner: string;
  let staff: string;
  let manager: string;
  let drinkId: string;
  let otherId: string;
  let sessionId: string;
  let before = 0;
  let after = 0;
  let cutoff: Date;
  let productId = '';
  let productExternalId = '';
  const day = '2026-11-21';

  const tx = <T>(fn: (trx: Db) => Promise<T>) => db.db.transaction().execute(fn);
  const line = (actor: string, drink: string, location: string, quantity: number) =>
    tx((trx) =>
      setCountLine(
        trx,
        actor,
        env.establishmentId,
        sessionId,
        { drinkId: drink, location, quantity },
        env.clock,
      ),
    );
  const stockOf = async (id: string) => (await getDrink(db.db, owner, env.establishmentId, id)).stock;
  const rejects = async (p: Promise<unknown>, code: string) => {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    env = await connectedEstablishment(db.db, { kmlcode: 'lepetitzinc-70001' });
    owner = await member(db.db, env.establishmentId, 'owner@zinc.fr', 'owner');
    staff = await member(db.db, env.establishmentId, 'staff@zinc.fr', 'staff');
    manager = await member(db.db, env.establishmentId, 'manager@zinc.fr', 'manager');
    env.clock.set('2026-11-20T09:00:00Z');
    await importDay(db.db, env, '2026-11-19');
    const product = await busiestProduct(db.db, env, day);
    productId = product.id;
    productExternalId = product.externalId;
    drinkId = await drinkWithBase(db.db, owner, env.establishmentId, 'Domaine Compté', env.clock, {
      at: '2026-11-21T00:00:00Z',
      receipts: [
        { quantity: 24, price: 10, at: '2026-11-21T01:00:00Z' },
        { quantity: 12, price: 13, at: '2026-11-21T02:00:00Z' },
      ],
    });
    otherId = await drinkWithBase(db.db, owner, env.establishmentId, 'Domaine Oublié', env.clock, {
      at: '2026-11-21T00:00:00Z',
      receipts: [{ quantity: 5, price: 8, at: '2026-11-21T01:00:00Z' }],
    });
    await linkTillProduct(
      db.db,
      owner,
      env.establishmentId,
      product.id,
      { kind: 'drink', drinkId },
      1,
      env.clock,
    );
    const sales = simLines(env, day, product.externalId).sort(
      (a, b) => a.soldAt.getTime() - b.soldAt.getTime(),
    );
    expect(sales.length).toBeGreaterThan(1);
    // The cut-off falls between two sales of the evening: some before it, some after.
    const mid = Math.floor(sales.length / 2);
    cutoff = new Date(((sales[mid - 1]?.soldAt.getTime() ?? 0) + (sales[mid]?.soldAt.getTime() ?? 0)) / 2);
    for (const s of sales)
      if (s.soldAt <= cutoff) before += s.quantity;
      else after += s.quantity;
    expect(before).not.toBe(0);
    expect(after).not.toBe(0);
  });
  afterAll(async () => {
    await env.sim.close();
    await db.drop();
  });

  it('two counters at two locations merge, blind; the later one at the same location wins, visibly', async () => {
    env.clock.set('2026-11-21T22:00:00Z');
    await rejects(
      tx((trx) =>
        createCountSession(
          trx,
          staff,
          env.establishmentId,
          {
            cutoffAt: cutoff,
            scope: { kind: 'all' },
            blind: true,
            uncountedZero: false,
            reasonThresholdCents: 2000,
          },
          env.clock,
        ),
      ),
      'forbidden',
    );
    const session = await tx((trx) =>
      createCountSession(
        trx,
        owner,
        env.establishmentId,
        {
          cutoffAt: cutoff,
          scope: { kind: 'all' },
          blind: true,
          uncountedZero: false,
          reasonThresholdCents: 2000,
        },
        env.clock,
      ),
    );
    sessionId = session.id;
    expect(await line(owner, drinkId, 'Cave', 20)).toEqual({ replaced: null });
    expect(await line(staff, drinkId, 'Bar', 5)).toEqual({ replaced: null });
    expect(await line(staff, drinkId, 'Bar', 6)).toEqual({ replaced: { quantity: 5, byOther: false } });
    expect(await line(owner, drinkId, 'Bar', 7)).toEqual({ replaced: { quantity: 6, byOther: true } });
    const sheet = await countSessionDetail(db.db, staff, env.establishmentId, sessionId);
    const d = sheet.drinks.find((x) => x.id === drinkId);
    expect(d?.counted).toBe(27);
    expect(d?.lines.map((l) => [l.location, l.quantity, l.countedByEmail]).sort()).toEqual([
      ['Bar', 7, 'owner@zinc.fr'],
      ['Cave', 20, 'owner@zinc.fr'],
    ]);
    expect(sheet.drinks.every((x) => x.expected === null)).toBe(true);
    expect(sheet.canManage).toBe(false);
  });

  it('closing writes counts at the cut-off; the next night’s sales are placed by sold_at', async () => {
    await rejects(
      tx((trx) => closeCountSession(trx, staff, env.establishmentId, sessionId, {}, env.clock)),
      'forbidden',
    );
    const closed = await tx((trx) =>
      closeCountSession(trx, owner, env.establishmentId, sessionId, {}, env.clock),
    );
    expect(closed).toMatchObject({ counted: 1, zeroed: 0, session: { status: 'closed' } });
    await rejects(line(owner, drinkId, 'Cave', 1), 'conflict');
    // The uncounted drink kept its stock.
    expect(await stockOf(otherId)).toBe(5);
    // Sales of the counted day reach Cellier the next night.
    expect(await stockOf(drinkId)).toBe(27);
    env.clock.set('2026-11-22T05:00:00Z');
    await importDay(db.db, env, day);
    expect(await stockOf(drinkId)).toBe(27 - after);
    const sheet = await countSessionDetail(db.db, staff, env.establishmentId, sessionId);
    expect(sheet.drinks.find((x) => x.id === drinkId)?.expected).toBe(36 - before);
    // Importing the same night again changes nothing: no sale counted twice.
    await importDay(db.db, env, day);
    expect(await stockOf(drinkId)).toBe(27 - after);
  });

  it('a manager reopens; the correction wins and the ledger keeps who and when', async () => {
    await rejects(
      tx((trx) => reopenCountSession(trx, staff, env.establishmentId, sessionId, {}, env.clock)),
      'forbidden',
    );
    env.clock.set('2026-11-22T10:00:00Z');
    await tx((trx) =>
      reopenCountSession(
        trx,
        manager,
        env.establishmentId,
        sessionId,
        { reason: 'Carton oublié' },
        env.clock,
      ),
    );
    await line(manager, drinkId, 'Réserve', 6);
    await tx((trx) => closeCountSession(trx, manager, env.establishmentId, sessionId, {}, env.clock));
    expect(await stockOf(drinkId)).toBe(33 - after);
    const counts = await db.db
      .selectFrom('stock_movement')
      .select(['quantity', 'account_id'])
      .where('establishment_id', '=', env.establishmentId)
      .where('count_session_id', '=', sessionId)
      .orderBy('seq')
      .execute();
    expect(counts.map((c) => [Number(c.quantity), c.account_id])).toEqual([
      [27, owner],
      [33, manager],
    ]);
    const sheet = await countSessionDetail(db.db, owner, env.establishmentId, sessionId);
    const kinds = sheet.events.map((e) => [e.kind, e.accountEmail]);
    expect(kinds.slice(0, 3)).toEqual([
      ['closed', 'manager@zinc.fr'],
      ['line', 'manager@zinc.fr'],
      ['reopened', 'manager@zinc.fr'],
    ]);
    expect(sheet.events[2]?.detail).toMatchObject({ reason: 'Carton oublié' });
    expect(sheet.events[2]?.at.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('the variance matches the till’s sales × factor, at CMUP and at till price; a reason clears the gap', async () => {
    const report = await varianceReport(db.db, owner, env.establishmentId, sessionId);
    const row = report.rows.find((r) => r.drinkId === drinkId);
    const price = (
      await db.db
        .selectFrom('till_product')
        .select('price_cents')
        .where('id', '=', productId)
        .executeTakeFirstOrThrow()
    ).price_cents;
    // CMUP of 24 at 10 € then 12 at 13 €: 11 €.
    expect(row).toMatchObject({
      expected: 36 - before,
      counted: 33,
      difference: before - 3,
      unitCostCents: 1100,
    });
    expect(row?.differenceCostCents).toBe(Math.round((before - 3) * 1100));
    expect(row?.differenceSaleCents).toBe(price === null ? null : Math.round((before - 3) * price));
    expect(row?.reasonRequired).toBe(Math.abs((before - 3) * 1100) >= 2000);
    const other = report.rows.find((r) => r.drinkId === otherId);
    expect(other).toMatchObject({ counted: null, difference: null, reasonRequired: false });
    expect(report.totals.differenceCostCents).toBe(row?.differenceCostCents);
    const reasons = await tx((trx) => varianceReasons(trx, owner, env.establishmentId));
    const casse = reasons.find((r) => r.label === 'Casse');
    await tx((trx) =>
      justifyVariance(
        trx,
        staff,
        env.establishmentId,
        sessionId,
        drinkId,
        { reasonId: casse?.id ?? '', comment: 'Deux cassées' },
        env.clock,
      ),
    );
    const after2 = await varianceReport(db.db, owner, env.establishmentId, sessionId);
    expect(after2.rows.find((r) => r.drinkId === drinkId)?.reason).toMatchObject({
      label: 'Casse',
      comment: 'Deux cassées',
      by: 'staff@zinc.fr',
    });
    expect(after2.missingReasons).toBe(0);
  });

  it('"uncounted means zero" is an explicit choice', async () => {
    const s = await tx((trx) =>
      createCountSession(
        trx,
        owner,
        env.establishmentId,
        {
          cutoffAt: new Date('2026-11-22T11:00:00Z'),
          scope: { kind: 'all' },
          blind: true,
          uncountedZero: false,
          reasonThresholdCents: 2000,
        },
        env.clock,
      ),
    );
    await tx((trx) =>
      setCountLine(
        trx,
        owner,
        env.establishmentId,
        s.id,
        { drinkId, location: 'Cave', quantity: 30 },
        env.clock,
      ),
    );
    const r = await tx((trx) =>
      closeCountSession(trx, owner, env.establishmentId, s.id, { uncountedZero: true }, env.clock),
    );
    expect(r.zeroed).toBeGreaterThanOrEqual(1);
    expect(await stockOf(otherId)).toBe(0);
    expect(await stockOf(drinkId)).toBe(30);
    // Coût matière between the two counts: opening (33 at 11 €, 5 at 8 €) − closing (30 at 11 €) over the till's sales.
    const bev = await computeBevCost(db.db, env.establishmentId, cutoff, new Date('2026-11-22T11:00:00Z'));
    const truth = simLines(env, day, productExternalId).filter((l) => l.soldAt > cutoff);
    const revenue = truth.reduce((sum, l) => sum + l.amountExclTaxCents, 0);
    expect(bev).toMatchObject({
      openingValueCents: 33 * 1100 + 5 * 800,
      purchasesCents: 0,
      closingValueCents: 30 * 1100,
      consumptionCents: 7300,
      linkedRevenueExclTaxCents: revenue,
    });
    expect(bev.bevCostPercent).toBeCloseTo((7300 / revenue) * 100, 1);
    expect(bev.drinks).toEqual([
      expect.objectContaining({
        key: drinkId,
        quantitySold: after,
        costCents: after * 1100,
        revenueExclTaxCents: revenue,
      }),
    ]);
  });

  it('the reports overview reads every month and the period from one set of facts: each agrees with its own report', async () => {
    const overview = await reportsOverview(db.db, owner, env.establishmentId, {}, env.clock);
    const alone = await bevCostReport(
      db.db,
      owner,
      env.establishmentId,
      { from: overview.bev.fromDay, to: overview.bev.toDay },
      env.clock,
    );
    expect(overview.bev).toEqual(alone);
    expect(overview.bevByMonth).toHaveLength(6);
    for (const point of overview.bevByMonth) {
      const [y, m] = point.month.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const month = await bevCostReport(
        db.db,
        owner,
        env.establishmentId,
        { from: `${point.month}-01`, to: `${point.month}-${String(last).padStart(2, '0')}` },
        env.clock,
      );
      expect(point.revenueExclTaxCents).toBe(month.linkedRevenueExclTaxCents);
      expect(point.consumptionCents).toBe(month.consumptionCents);
    }
    expect(overview.bevByMonth.some((p) => p.revenueExclTaxCents > 0)).toBe(true);
    const days = overview.revenueByDay.reduce((sum, d) => sum + d.revenueExclTaxCents, 0);
    expect(days).toBe(overview.bev.linkedRevenueExclTaxCents);
  });
});
