import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { closeCountSession } from '../../src/services/counts/closeCountSession.ts';
import { createCountSession } from '../../src/services/counts/createCountSession.ts';
import { setCountLine } from '../../src/services/counts/setCountLine.ts';
import { varianceReport } from '../../src/services/counts/varianceReport.ts';
import { linkTillProduct } from '../../src/services/sync/linkTillProduct.ts';
import { breakLink, changeLinkFactor } from '../../src/services/sync/manageLinks.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../helpers/databases.ts';
import { busiestProduct, drinkWithBase, importDay, member, type CountEnv } from '../helpers/countSetup.ts';
import { connectedEstablishment } from '../helpers/importSetup.ts';

/** Every link change is kept with who and when, and the variance names it as a likely cause. */
describeOnBothDatabases('ledger of link changes', (kind) => {
  let db: TestDatabase;
  let env: CountEnv;
  let owner: string;
  let manager: string;
  const tx = <T>(fn: (trx: Db) => Promise<T>) => db.db.transaction().execute(fn);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    env = await connectedEstablishment(db.db, { kmlcode: 'lepetitzinc-70001' });
    owner = await member(db.db, env.establishmentId, 'owner@zinc.fr', 'owner');
    manager = await member(db.db, env.establishmentId, 'manager@zinc.fr', 'manager');
    env.clock.set('2026-11-22T09:00:00Z');
    await importDay(db.db, env, '2026-11-21');
  });
  afterAll(async () => {
    await env.sim.close();
    await db.drop();
  });

  it('records link, factor, relink and break; the variance lists them and flags both drinks', async () => {
    const product = await busiestProduct(db.db, env, '2026-11-21');
    const base = {
      at: '2026-11-20T00:00:00Z',
      receipts: [{ quantity: 12, price: 10, at: '2026-11-20T01:00:00Z' }],
    };
    const first = await drinkWithBase(db.db, owner, env.establishmentId, 'Domaine Premier', env.clock, base);
    const second = await drinkWithBase(db.db, owner, env.establishmentId, 'Domaine Second', env.clock, base);
    const e = env.establishmentId;
    await tx((trx) =>
      linkTillProduct(trx, owner, e, product.id, { kind: 'drink', drinkId: first }, 1, env.clock),
    );
    // Linking again with the same drink and factor changes nothing, so it is not an event.
    await tx((trx) =>
      linkTillProduct(trx, owner, e, product.id, { kind: 'drink', drinkId: first }, 1, env.clock),
    );
    await tx((trx) => changeLinkFactor(trx, manager, e, product.id, 0.5));
    await tx((trx) =>
      linkTillProduct(trx, manager, e, product.id, { kind: 'drink', drinkId: second }, 0.5, env.clock),
    );
    await tx((trx) => breakLink(trx, owner, e, product.id));

    const session = await tx((trx) =>
      createCountSession(
        trx,
        owner,
        e,
        {
          cutoffAt: new Date('2026-11-22T08:00:00Z'),
          scope: { kind: 'all' },
          blind: true,
          uncountedZero: false,
          reasonThresholdCents: 2000,
        },
        env.clock,
      ),
    );
    for (const drinkId of [first, second])
      await tx((trx) =>
        setCountLine(trx, owner, e, session.id, { drinkId, location: 'Cave', quantity: 10 }, env.clock),
      );
    await tx((trx) => closeCountSession(trx, owner, e, session.id, {}, env.clock));

    const report = await varianceReport(db.db, owner, e, session.id);
    const events = report.causes.linkEvents.map((x) => [
      x.kind,
      x.byEmail,
      x.drinkId,
      x.previousDrinkId,
      x.factor,
      x.previousFactor,
      x.productLabel,
    ]);
    // Newest first.
    expect(events).toEqual([
      ['unlink', 'owner@zinc.fr', null, second, null, 0.5, product.label],
      ['relink', 'manager@zinc.fr', second, first, 0.5, 0.5, product.label],
      ['factor', 'manager@zinc.fr', first, first, 0.5, 1, product.label],
      ['link', 'owner@zinc.fr', first, null, 1, null, product.label],
    ]);
    expect(report.causes.linkEvents.every((x) => x.at instanceof Date)).toBe(true);
    for (const id of [first, second]) {
      const row = report.rows.find((r) => r.drinkId === id);
      expect(row?.difference).toBe(-2);
      expect(row?.causes).toContain('recent_link');
    }
    expect(report.causes.recentLinks).toBe(2);
  });
});
