/**
 * DESIGN §7, the parts not covered by importNight.test.ts: the catch-up after downtime (the planner and the
 * embedded queue), and the till faults that must end a run with a clear reason instead of hanging: a listing
 * whose pages never end, a till that stops sending in the middle of an answer.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { soleTill, soleTillId } from '../helpers/soleTill.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { planImports } from '../../src/services/imports/planImports.ts';
import { createEmbeddedQueue } from '../../src/jobs/embeddedQueue.ts';
import { importNight } from '../../src/jobs/importNight.ts';
import type { TillAccess } from '../../src/services/tills/tillAccess.ts';
import { createTillConnector } from '../../src/tills/connector.ts';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { connectTo, countDayLines, shareableTillAccess } from '../helpers/workerSetup.ts';

const SMALL = 'lepetitzinc-70001';
const REFUSED = 'chezmarcel-70004';

describeOnBothDatabases('import reliability', (kind) => {
  let db: TestDatabase;
  let sim: AsterioSimulator;
  const clock = fixedClock('2026-10-01T09:00:00Z');
  /** One night of the establishment's one till, as the CLI or the schedule runs it. */
  const night = async (access: TillAccess, id: string, day: string, trigger: 'cli' | 'schedule') =>
    importNight(
      db.db,
      access,
      { establishmentId: id, tillId: await soleTillId(db.db, id), day, trigger },
      clock,
    );
  beforeEach(async () => {
    clock.set('2026-10-01T09:00:00Z');
    db = await createTestDatabase(kind);
    sim = createAsterioSimulator({ seed: 7, clock });
    await sim.listen(0);
  });
  afterEach(async () => {
    await sim.close();
    await db.drop();
  });

  it('catches up after downtime: missed days oldest first, at most 31, refused connections skipped, imported in order', async () => {
    // The days the till is asked for, in the order the imports fetch them.
    const fetched: string[] = [];
    const base = shareableTillAccess();
    const access: TillAccess = {
      ...base,
      connectorFactory: (connection, password) => {
        const real = createTillConnector(
          connection.tillType,
          {
            domain: connection.domain,
            kmlcode: connection.kmlcode,
            siteCode: connection.siteCode,
            identifier: connection.identifier,
            password,
          },
          { ...base.connectorOptions, allowInsecureLocalhost: true },
        );
        return {
          ...real,
          listTickets: (day: string) => {
            fetched.push(day);
            return real.listTickets(day);
          },
        };
      },
    };
    const deps = { db: db.db, tills: access, clock };
    const open = await connectTo(db.db, sim, access, clock, SMALL, 'Le Petit Zinc');
    const refused = await connectTo(db.db, sim, access, clock, REFUSED, 'Chez Marcel');
    // till_connection.created_at comes from the database's now(), not from the mocked clock: date the
    // connections as the scenario says (connected on 2026-10-01), whatever day the test runs.
    await sql`update till_connection set created_at = ${clock.now()}`.execute(db.db);
    // Connected on 2026-10-01: the day before is owed; import it, and get the other connection refused.
    const first = await planImports(deps.db, deps.clock);
    expect(first.map((j) => `${j.establishmentId}:${j.day}`).sort()).toEqual(
      [`${open}:2026-09-30`, `${refused}:2026-09-30`].sort(),
    );
    await night(access, open, '2026-09-30', 'schedule');
    sim.changePassword(REFUSED, 'changé-en-caisse');
    const denied = await night(access, refused, '2026-09-30', 'schedule');
    expect(denied.errorCode).toBe('auth_refused');
    expect((await soleTill(db.db, refused))?.status).toBe('refused');

    // Three days down: exactly the three missed days.
    clock.set('2026-10-04T09:00:00Z');
    expect((await planImports(deps.db, deps.clock)).map((j) => `${j.establishmentId}:${j.day}`)).toEqual(
      ['2026-10-01', '2026-10-02', '2026-10-03'].map((d) => `${open}:${d}`),
    );

    // Eight weeks down: the last 31 closed days only, oldest first; still nothing for the refused connection.
    clock.set('2026-11-27T09:00:00Z');
    const due = await planImports(deps.db, deps.clock);
    expect(due.every((j) => j.establishmentId === open && j.trigger === 'schedule')).toBe(true);
    const days = due.map((j) => j.day);
    expect(days).toHaveLength(31);
    expect(days[0]).toBe('2026-10-27');
    expect(days.at(-1)).toBe('2026-11-26');
    expect(days).toEqual([...days].sort());
    expect(new Set(days).size).toBe(31);

    const queue = createEmbeddedQueue(deps, { schedule: false });
    try {
      // Asked twice (the planner runs every 15 minutes): duplicates collapse.
      await queue.enqueue(due);
      await queue.enqueue(due);
      await queue.drain();
    } finally {
      await queue.stop();
    }
    expect(fetched.filter((d) => d !== '2026-09-30')).toEqual(days);
    const runs = await db.db
      .selectFrom('import_run')
      .select(['business_day', 'status', 'lines'])
      .where('establishment_id', '=', open)
      .where('business_day', '>=', '2026-10-27')
      .execute();
    expect(runs).toHaveLength(31);
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    for (const day of [days[0] ?? '', '2026-11-14', days.at(-1) ?? '']) {
      const truth = sim
        .till(SMALL)
        .tickets(day)
        .flatMap((t) => t.lines).length;
      expect(await countDayLines(db.db, open, day), day).toBe(truth);
    }
    expect(await planImports(deps.db, deps.clock)).toEqual([]);
  }, 90_000);

  it('fails a run whose pages never end, with the reason, and writes nothing', async () => {
    const base = shareableTillAccess();
    const access = { ...base, connectorOptions: { ...base.connectorOptions, maxPages: 12 } };
    const id = await connectTo(db.db, sim, access, fixedClock('2026-10-01T09:00:00Z'), SMALL);
    sim.setFaults(SMALL, { endlessPages: true });
    const run = await night(access, id, '2026-09-26', 'cli');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'too_large', lines: 0 });
    expect(run.errorMessage).toMatch(/pages/);
    expect(await countDayLines(db.db, id, '2026-09-26')).toBe(0);
    // Not the credentials' fault: the connection is not marked refused, the schedule will try again.
    expect((await soleTill(db.db, id))?.status).not.toBe('refused');
    sim.clearFaults();
    expect((await night(access, id, '2026-09-26', 'cli')).status).toBe('succeeded');
  });

  it('fails a run when the till stalls mid-answer (read timeout, retried), then succeeds once it answers', async () => {
    const base = shareableTillAccess();
    const access = {
      ...base,
      connectorOptions: {
        ...base.connectorOptions,
        retries: 1,
        timeouts: { connectMs: 500, readMs: 250, totalMs: 2000 },
      },
    };
    const id = await connectTo(db.db, sim, access, fixedClock('2026-10-01T09:00:00Z'), SMALL);
    sim.setFaults(SMALL, { stallMs: 5_000 });
    const started = Date.now();
    const run = await night(access, id, '2026-09-26', 'cli');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(run).toMatchObject({ status: 'failed', errorCode: 'timeout' });
    expect(run.errorMessage).toMatch(/temps/);
    expect(await countDayLines(db.db, id, '2026-09-26')).toBe(0);
    sim.clearFaults();
    expect((await night(access, id, '2026-09-26', 'cli')).status).toBe('succeeded');
  });
});
