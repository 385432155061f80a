import { afterEach, beforeEach, expect, it } from 'vitest';
import { runImports } from '../../src/cli/import.ts';
import { archiveTill, insertTillConnection } from '../../src/db/repositories/tillConnections.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { connectedEstablishment } from '../helpers/importSetup.ts';

describeOnBothDatabases('cellier import and several tills', (kind) => {
  let db: TestDatabase;
  let env: Awaited<ReturnType<typeof connectedEstablishment>>;
  let barId: string;
  const day = '2026-11-25';
  const out = { log: [] as string[], error: [] as string[] };
  const sink = { log: (l: string) => out.log.push(l), error: (l: string) => out.error.push(l) };
  const runsByTill = async () =>
    (
      await db.db
        .selectFrom('import_run')
        .select(['till_id', 'business_day', 'status'])
        .where('establishment_id', '=', env.establishmentId)
        .execute()
    )
      .map((r) => `${r.till_id}:${r.business_day}:${r.status}`)
      .sort();
  const run = (opts: Record<string, unknown>) =>
    runImports(db.db, env.access, { establishment: env.establishmentId, ...opts }, env.clock, sink);

  beforeEach(async () => {
    out.log.length = 0;
    out.error.length = 0;
    db = await createTestDatabase(kind);
    env = await connectedEstablishment(db.db);
    const c = env.sim.credentials('brasserieduport-70002');
    barId = (
      await insertTillConnection(
        db.db,
        env.establishmentId,
        'Bar',
        {
          tillType: 'asterio',
          domain: c.domain,
          kmlcode: c.kmlcode,
          siteCode: c.siteCode,
          identifier: c.identifier,
          passwordEncrypted: env.access.secrets.seal(c.password),
        },
        env.clock.now(),
      )
    ).id;
  });
  afterEach(async () => {
    await env.sim.close();
    await db.drop();
  });

  it('imports every till in use without --till, each line naming its till', async () => {
    expect(await run({ date: day })).toBe(0);
    expect(await runsByTill()).toEqual(
      [`${env.tillId}:${day}:succeeded`, `${barId}:${day}:succeeded`].sort(),
    );
    // Both tills were added in the same instant of the fixed clock: their order is not the point.
    expect(out.log.map((l) => l.split(' ').slice(0, 2).join(' ')).sort()).toEqual([
      `${day} Astério`,
      `${day} Bar`,
    ]);
  });

  it('imports one till with --till, and never a removed one', async () => {
    expect(await run({ date: day, till: barId })).toBe(0);
    expect(await runsByTill()).toEqual([`${barId}:${day}:succeeded`]);
    await archiveTill(db.db, env.establishmentId, barId, env.clock.now());
    expect(await run({ date: day, till: barId })).toBe(2);
    expect(out.error.at(-1)).toMatch(/retirée/);
    // Without --till, a removed till is left out.
    expect(await run({ date: '2026-11-24' })).toBe(0);
    expect((await runsByTill()).filter((r) => r.endsWith(':2026-11-24:succeeded'))).toEqual([
      `${env.tillId}:2026-11-24:succeeded`,
    ]);
  });

  it('refuses a till of another establishment or an unknown one, and writes nothing', async () => {
    const other = await connectedEstablishment(db.db, { kmlcode: 'chezmarcel-70004' });
    try {
      expect(await run({ date: day, till: other.tillId })).toBe(2);
      expect(out.error.at(-1)).toMatch(/Caisse introuvable/);
      expect(await run({ date: day, till: 'pas-un-uuid' })).toBe(2);
      expect(out.error.at(-1)).toMatch(/identifiant de caisse invalide/);
      expect(await runsByTill()).toEqual([]);
    } finally {
      await other.sim.close();
    }
  });
});
