import { afterEach, beforeEach, expect, it } from 'vitest';
import { importNight } from '../../src/jobs/importNight.ts';
import { fetchNight, writeNight } from '../../src/services/imports/importNight.ts';
import { soleTill } from '../helpers/soleTill.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { connectedEstablishment, dumpImportTables } from '../helpers/importSetup.ts';

describeOnBothDatabases('nightly import', (kind) => {
  let db: TestDatabase;
  let env: Awaited<ReturnType<typeof connectedEstablishment>>;
  const day = '2026-11-25';
  beforeEach(async () => {
    db = await createTestDatabase(kind);
    env = await connectedEstablishment(db.db);
  });
  afterEach(async () => {
    await env.sim.close();
    await db.drop();
  });
  const run = (d = day) =>
    importNight(
      db.db,
      env.access,
      { establishmentId: env.establishmentId, tillId: env.tillId, day: d, trigger: 'manual' },
      env.clock,
    );

  it('stores every line of the night once, with the till’s revenue', async () => {
    env.clock.set('2026-11-26T05:00:00Z');
    const result = await run();
    const truth = env.sim.till(env.kmlcode).tickets(day, env.clock.now());
    const truthLines = truth.flatMap((t) => t.lines);
    expect(result).toMatchObject({
      status: 'succeeded',
      tickets: truth.length,
      lines: truthLines.length,
      linesNew: truthLines.length,
      quarantined: 0,
    });
    expect(result.revenueCents).toBe(truthLines.reduce((s, l) => s + l.amountCents, 0));
    const dump = await dumpImportTables(db.db, env.establishmentId);
    expect(dump.lines).toHaveLength(truthLines.length);
    expect(dump.products.length).toBeGreaterThan(10);
    expect((await soleTill(db.db, env.establishmentId))?.lastImportAt).not.toBeNull();
  });

  it('is idempotent: importing the same night 10 times leaves the tables identical', async () => {
    env.clock.set('2026-11-26T05:00:00Z');
    await run();
    const first = await dumpImportTables(db.db, env.establishmentId);
    for (let i = 0; i < 9; i++) {
      const again = await run();
      expect(again).toMatchObject({
        status: 'succeeded',
        linesNew: 0,
        linesChanged: 0,
        linesRemoved: 0,
        productsNew: 0,
        productsChanged: 0,
      });
    }
    expect(await dumpImportTables(db.db, env.establishmentId)).toEqual(first);
  });

  it('applies a till correction (a refund keyed the next day) exactly once', async () => {
    const correctedDay = [
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ].find((d) => env.sim.till(env.kmlcode).correction(d) !== null);
    expect(correctedDay).toBeDefined();
    const d = correctedDay ?? day;
    env.clock.set(`${d}T23:00:00Z`);
    env.clock.advance(6 * 3600 * 1000);
    const before = await run(d);
    env.clock.advance(2 * 24 * 3600 * 1000);
    const after = await run(d);
    expect(after.linesNew).toBe(1);
    expect(after.lines).toBe(before.lines + 1);
    expect(after.revenueCents).toBeLessThan(before.revenueCents);
    const again = await run(d);
    expect(again.linesNew).toBe(0);
    expect(again.lines).toBe(after.lines);
  });

  it('waits when the day is not closed yet', async () => {
    env.clock.set('2026-11-26T01:00:00Z');
    const result = await run();
    expect(result.status).toBe('waiting');
    expect((await dumpImportTables(db.db, env.establishmentId)).lines).toHaveLength(0);
  });

  it('quarantines malformed records with their reason and keeps the rest (partial)', async () => {
    env.clock.set('2026-11-26T05:00:00Z');
    env.sim.setFaults(env.kmlcode, { badRecordRate: 0.05 });
    const result = await run();
    expect(result.status).toBe('partial');
    expect(result.quarantined).toBeGreaterThan(0);
    const dump = await dumpImportTables(db.db, env.establishmentId);
    expect(dump.quarantine.length).toBe(result.quarantined);
    expect(dump.quarantine[0]?.reason).toMatch(/\w+ ?:/);
    expect(dump.lines.length).toBeGreaterThan(0);
  });

  it('stops at 401 and marks the connection refused, writing no sale', async () => {
    env.clock.set('2026-11-26T05:00:00Z');
    env.sim.changePassword(env.kmlcode, 'nouveau-mot-de-passe');
    const result = await run();
    expect(result).toMatchObject({ status: 'failed', errorCode: 'auth_refused' });
    expect((await soleTill(db.db, env.establishmentId))?.status).toBe('refused');
    expect((await dumpImportTables(db.db, env.establishmentId)).lines).toHaveLength(0);
  });

  it('retries 5xx and 429 then succeeds; fails with the reason when the till stays down', async () => {
    env.clock.set('2026-11-26T05:00:00Z');
    env.sim.setFaults(env.kmlcode, { serverErrorNext: 1, rateLimitNext: 1, retryAfterSeconds: 0 });
    expect((await run()).status).toBe('succeeded');
    env.sim.setFaults(env.kmlcode, { serverErrorRate: 1 });
    const down = await run('2026-11-24');
    expect(down).toMatchObject({ status: 'failed', errorCode: 'server_error' });
  });

  it('rolls the write back when it fails before commit, and records the run failed outside it', async () => {
    env.clock.set('2026-11-26T05:00:00Z');
    const input = {
      establishmentId: env.establishmentId,
      tillId: env.tillId,
      day,
      trigger: 'manual' as const,
    };
    const failing = importNight(db.db, env.access, input, env.clock, {
      beforeCommit: () => {
        throw new Error('disque plein');
      },
    });
    await expect(failing).rejects.toThrow('disque plein');
    const runs = await db.db
      .selectFrom('import_run')
      .selectAll()
      .where('establishment_id', '=', env.establishmentId)
      .execute();
    expect(runs).toMatchObject([
      {
        status: 'failed',
        error_code: 'internal',
        error_message: 'Erreur interne pendant l’import',
        lines_new: 0,
      },
    ]);
    expect((await dumpImportTables(db.db, env.establishmentId)).lines).toHaveLength(0);
    expect(await soleTill(db.db, env.establishmentId)).toMatchObject({
      lastImportAt: null,
      lastError: 'Erreur interne pendant l’import',
    });
  });

  it('writes a fetched night only inside the caller’s transaction', async () => {
    env.clock.set('2026-11-26T05:00:00Z');
    const input = {
      establishmentId: env.establishmentId,
      tillId: env.tillId,
      day,
      trigger: 'manual' as const,
    };
    const fetched = await fetchNight(db.db, env.access, input, env.clock);
    if (!('data' in fetched)) throw new Error(`not fetched: ${fetched.status}`);
    await expect(writeNight(db.db, fetched, env.clock)).rejects.toThrow(/transaction/);
    expect((await dumpImportTables(db.db, env.establishmentId)).lines).toHaveLength(0);
  });
});
