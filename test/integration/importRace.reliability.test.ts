/**
 * Two pg-boss worker processes race for the same nights, which two producers enqueue again and again while they
 * work. The `stately` singleton key lets one copy of a night run at a time: every night is stored once, equal to
 * the till, runs of a night never overlap in time, and every run after a night's first inserts nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.ts';
import { createPgBossQueue } from '../../src/jobs/pgBossQueue.ts';
import type { ImportNightData } from '../../src/services/imports/importQueue.ts';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { KillableWorker, killAllWorkers } from '../helpers/killableWorker.ts';
import { connectTo, countDayLines, eventually, shareableTillAccess, urlOf } from '../helpers/workerSetup.ts';
import { soleTillId } from '../helpers/soleTill.ts';

const NOW = '2026-11-27T09:00:00Z';
const DAYS = ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];
const KML = 'chezmarcel-70004'; // closed on Mondays only: five nights with sales

describe.skipIf(!inject('postgresAvailable'))('two import workers racing (PostgreSQL, pg-boss)', () => {
  const clock = fixedClock(NOW);
  const access = shareableTillAccess();
  let sim: AsterioSimulator;
  let db: TestDatabase;

  beforeAll(async () => {
    sim = createAsterioSimulator({ seed: 5, clock });
    await sim.listen(0);
    db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await killAllWorkers();
    await sim.close();
    await db.drop();
  });

  it('imports each night once, one run at a time per night, whatever the duplicates', async () => {
    const url = await urlOf(db.db);
    const establishmentId = await connectTo(db.db, sim, access, clock, KML);
    const deps = { db: db.db, tills: access, clock };
    const producers = [
      await createPgBossQueue(url, deps, { work: false, schedule: false }),
      await createPgBossQueue(url, deps, { work: false, schedule: false }),
    ];
    // Real time in the workers' clock, so that import_run says when each run really started and ended.
    const workers = [0, 1].map(() => new KillableWorker({ databaseUrl: url, secretKey: access.key }));
    try {
      await Promise.all(workers.map((w) => w.waitFor('ready')));
      const tillId = await soleTillId(db.db, establishmentId);
      const nights: ImportNightData[] = DAYS.map((day) => ({
        establishmentId,
        tillId,
        day,
        trigger: 'manual',
      }));
      for (let round = 0; round < 4; round++) {
        await Promise.all(
          producers.flatMap((p) => [p.enqueue(nights), p.enqueue([...nights].reverse()), p.enqueue(nights)]),
        );
        await new Promise((r) => setTimeout(r, 300));
      }
      await eventually(
        async () => {
          const { rows } = await sql<{ n: number }>`
            select count(*)::int as n from pgboss.job
            where name = 'import-night' and state in ('created', 'retry', 'active')`.execute(db.db);
          return rows[0]?.n === 0;
        },
        'the queue to drain',
        60_000,
        100,
      );
      expect(workers.every((w) => w.alive)).toBe(true);

      const { rows: failed } = await sql<{ n: number }>`
        select count(*)::int as n from pgboss.job where name = 'import-night' and state = 'failed'`.execute(
        db.db,
      );
      expect(failed[0]?.n).toBe(0);

      for (const day of DAYS) {
        const truth = sim
          .till(KML)
          .tickets(day)
          .flatMap((t) => t.lines).length;
        expect(truth, day).toBeGreaterThan(0);
        // The primary key makes a second copy of a line impossible; the count says none is missing either.
        expect(await countDayLines(db.db, establishmentId, day), day).toBe(truth);
        const runs = await db.db
          .selectFrom('import_run')
          .select(['status', 'started_at', 'finished_at', 'lines_new', 'lines'])
          .where('establishment_id', '=', establishmentId)
          .where('business_day', '=', day)
          .orderBy('started_at')
          .execute();
        expect(runs.length, day).toBeGreaterThanOrEqual(1);
        expect(runs.every((r) => r.status === 'succeeded' && r.lines === truth)).toBe(true);
        expect(runs[0]?.lines_new).toBe(truth);
        expect(runs.slice(1).every((r) => r.lines_new === 0)).toBe(true);
        for (let i = 1; i < runs.length; i++) {
          const previous = runs[i - 1];
          const current = runs[i];
          if (!previous?.finished_at || !current) throw new Error('run without end');
          expect(previous.finished_at.getTime(), `${day} runs overlap`).toBeLessThanOrEqual(
            current.started_at.getTime(),
          );
        }
      }
      const { rows: total } = await sql<{ runs: number; nights: number }>`
        select count(*)::int as runs, count(distinct business_day)::int as nights
        from import_run where establishment_id = ${establishmentId}`.execute(db.db);
      console.log(`race: ${total[0]?.runs} runs for ${total[0]?.nights} nights (120 requests)`);
      expect(total[0]?.nights).toBe(DAYS.length);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
      for (const p of producers) await p.stop();
    }
  }, 120_000);
});
