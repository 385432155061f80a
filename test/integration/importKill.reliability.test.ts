/**
 * DESIGN §7: "a worker killed at any point leaves no partial night". Real pg-boss worker processes import a busy
 * Saturday (~1,750 tickets, ~7,600 lines) from the simulator over loopback HTTP into a PostgreSQL server, and are
 * SIGKILLed at seeded points: before or after one of the import's SQL statements, or at a seeded delay after the
 * import started. After each kill the night is either absent or whole; after recovery (the dead run closed by the
 * planner, the dead pg-boss job expired and retried by a fresh pg-boss worker) the tables equal those of a clean
 * import of the same night into another database.
 *
 * IMPORT_KILL_SEED=<n> replays another set of points; the seed in use is printed.
 */
import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importNight } from '../../src/jobs/importNight.ts';
import { ensureSaleLinePartition } from '../../src/db/repositories/saleLines.ts';
import { planImports } from '../../src/services/imports/planImports.ts';
import { createPgBossQueue } from '../../src/jobs/pgBossQueue.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { KillableWorker, killAllWorkers } from '../helpers/killableWorker.ts';
import {
  agePgBossJob,
  comparableDump,
  connectTo,
  countDayLines,
  eventually,
  importJobsOf,
  seededRandom,
  shareableTillAccess,
  urlOf,
} from '../helpers/workerSetup.ts';
import { soleTillId } from '../helpers/soleTill.ts';

const NOW = '2026-11-27T09:00:00Z';
const DAY = '2026-11-21'; // a Saturday: the busy restaurant's biggest night
const BUSY = 'brasserieduport-70002';
const SEED = Number(process.env.IMPORT_KILL_SEED ?? 20261121);
const LANES = 3;
const TRIALS_PER_LANE = Number(process.env.TRIALS ?? 8);

type KillPoint =
  { kind: 'statement'; atQuery: number; phase: 'before' | 'after' } | { kind: 'delay'; ms: number };

class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult<R>(args: { result: R }): Promise<R> {
    return args.result;
  }
}

describe.skipIf(!inject('postgresAvailable'))('import worker killed by SIGKILL (PostgreSQL, pg-boss)', () => {
  const clock = fixedClock(NOW);
  const access = shareableTillAccess();
  let sim: AsterioSimulator;
  let reference: Awaited<ReturnType<typeof comparableDump>>;
  let statements = 0;
  let cleanMs = 0;
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    sim = createAsterioSimulator({ seed: 11, clock });
    await sim.listen(0);
    const db = await createTestDatabase('postgres');
    databases.push(db);
    // The clean run, in another database; a second establishment counts the statements of an import once the
    // month's partition exists, as it does for every trial but the first of each lane.
    const first = await connectTo(db.db, sim, access, clock, BUSY);
    await importNight(
      db.db,
      access,
      { establishmentId: first, tillId: await soleTillId(db.db, first), day: DAY, trigger: 'cli' },
      clock,
    );
    reference = await comparableDump(db.db, first);
    const counter = new StatementCounter();
    const second = await connectTo(db.db, sim, access, clock, BUSY);
    const t0 = performance.now();
    const run = await importNight(
      db.db.withPlugin(counter),
      access,
      { establishmentId: second, tillId: await soleTillId(db.db, second), day: DAY, trigger: 'cli' },
      clock,
    );
    cleanMs = performance.now() - t0;
    statements = counter.count;
    expect(run.status).toBe('succeeded');
    expect(reference.lines).toHaveLength(
      sim
        .till(BUSY)
        .tickets(DAY)
        .flatMap((t) => t.lines).length,
    );
    expect(reference.lines.length).toBeGreaterThan(7000);
    expect(statements).toBeGreaterThan(10);
  });

  afterAll(async () => {
    await killAllWorkers();
    await sim.close();
    for (const db of databases) await db.drop();
  });

  it(`leaves the night absent or whole at ${LANES * TRIALS_PER_LANE} kill points, and recovery equals a clean run`, async () => {
    const random = seededRandom(SEED);
    // The first trial of each lane is fixed: lane 0 (no partition yet) dies right after creating the month's
    // partition, inside the transaction; lane 1 (partition made beforehand) after the last statement (committed,
    // but pg-boss never heard that the job completed); lane 2 before the first statement. The rest is seeded.
    const points: KillPoint[] = [
      { kind: 'statement', atQuery: 6, phase: 'after' },
      { kind: 'statement', atQuery: statements, phase: 'after' },
      { kind: 'statement', atQuery: 1, phase: 'before' },
    ];
    for (let i = points.length; i < LANES * TRIALS_PER_LANE; i++) {
      // Two thirds at statements (every phase of the import: run start, fetch, each write, commit, run read),
      // one third at a delay anywhere in the import, fetch over HTTP included.
      points.push(
        i % 3 === 2
          ? { kind: 'delay', ms: Math.round(random() * cleanMs * 1.3) }
          : {
              kind: 'statement',
              atQuery: 1 + Math.floor(random() * statements),
              phase: random() < 0.5 ? 'before' : 'after',
            },
      );
    }
    console.log(
      `kill seed ${SEED}: ${statements} statements per import, clean import ${Math.round(cleanMs)} ms; points ${JSON.stringify(points)}`,
    );
    const total = reference.lines.length;
    const outcomes: string[] = [];

    const lane = async (index: number, lanePoints: KillPoint[]) => {
      const db = await createTestDatabase('postgres');
      databases.push(db);
      if (index > 0) await ensureSaleLinePartition(db.db, DAY);
      const url = await urlOf(db.db);
      // The parent only enqueues (and lets pg-boss's maintenance expire jobs); the children work.
      const queue = await createPgBossQueue(
        url,
        { db: db.db, tills: access, clock },
        { work: false, schedule: false },
      );
      try {
        for (const point of lanePoints) {
          const establishmentId = await connectTo(db.db, sim, access, clock, BUSY);
          const worker = new KillableWorker({
            databaseUrl: url,
            secretKey: access.key,
            now: NOW,
            ...(point.kind === 'statement' ? { kill: { atQuery: point.atQuery, phase: point.phase } } : {}),
          });
          await worker.waitFor('ready');
          await queue.enqueue([
            {
              establishmentId,
              tillId: await soleTillId(db.db, establishmentId),
              day: DAY,
              trigger: 'schedule',
            },
          ]);

          // Watch what other transactions can see while the worker runs: never a part of the night.
          const seen = new Set<number>();
          let watching = true;
          const watcher = (async () => {
            while (watching) {
              seen.add(await countDayLines(db.db, establishmentId, DAY));
              await new Promise((r) => setTimeout(r, 20));
            }
          })();
          try {
            if (point.kind === 'delay') {
              await worker.waitFor('started');
              await new Promise((r) => setTimeout(r, point.ms));
              await worker.kill();
            } else {
              const exit = await Promise.race([
                worker.exited,
                new Promise<never>((_, reject) =>
                  setTimeout(() => reject(new Error(`no kill at ${JSON.stringify(point)}`)), 30_000),
                ),
              ]);
              expect(exit.signal, worker.stderr).toBe('SIGKILL');
              expect(worker.events.some((e) => e.event === 'kill')).toBe(true);
            }
          } finally {
            watching = false;
            await watcher;
            await worker.kill();
          }

          // After the kill, before recovery: nothing or everything, and the run record says which.
          const after = await countDayLines(db.db, establishmentId, DAY);
          seen.add(after);
          expect(
            [...seen].every((n) => n === 0 || n === total),
            `seen ${[...seen].join(',')}`,
          ).toBe(true);
          const runsAfterKill = await runsOf(db, establishmentId);
          const committed = runsAfterKill.filter((r) => r.status === 'succeeded');
          expect(committed.length).toBe(after === total ? 1 : 0);
          outcomes.push(after === total ? 'committed' : 'rolled back');

          // Recovery: 31 minutes later the planner closes the dead run; after the queue's 15-minute expiry pg-boss
          // retries the dead job, which a fresh worker process takes.
          const later = fixedClock(new Date(Date.parse(NOW) + 31 * 60 * 1000));
          await planImports(db.db, later);
          expect((await runsOf(db, establishmentId)).filter((r) => r.status === 'running')).toEqual([]);
          const [job] = await importJobsOf(db.db, establishmentId);
          if (!job) throw new Error('job not found');
          if (job.state === 'active') {
            await agePgBossJob(db.db, job.id, 16);
            await queue.boss.maintain();
            await agePgBossJob(db.db, job.id, 10); // the retry delay (60 s, backed off) passes too
            expect((await importJobsOf(db.db, establishmentId))[0]?.state).toBe('retry');
          }
          // A fresh pg-boss worker (in this process: the one under test is the killed one) takes the retried job.
          const recovery = await createPgBossQueue(
            url,
            { db: db.db, tills: access, clock },
            { work: true, schedule: false, pollingIntervalSeconds: 0.5 },
          );
          try {
            await eventually(
              async () => (await importJobsOf(db.db, establishmentId))[0]?.state === 'completed',
              `job of ${establishmentId} completed`,
              40_000,
            );
          } finally {
            await recovery.stop();
          }

          expect(await comparableDump(db.db, establishmentId)).toEqual(reference);
          const runs = await runsOf(db, establishmentId);
          expect(runs.filter((r) => r.status === 'running')).toEqual([]);
          // Every line was inserted once, by exactly one committed run.
          expect(runs.reduce((s, r) => s + r.lines_new, 0)).toBe(total);
          expect(runs.filter((r) => r.status === 'succeeded' && r.lines_new > 0)).toHaveLength(1);
        }
      } finally {
        await queue.stop();
      }
    };

    await Promise.all(
      Array.from({ length: LANES }, (_, i) =>
        lane(
          i,
          points.filter((_, j) => j % LANES === i),
        ),
      ),
    );
    console.log(
      `kill outcomes: ${outcomes.filter((o) => o === 'committed').length} committed, ${outcomes.filter((o) => o !== 'committed').length} rolled back`,
    );
    expect(outcomes).toHaveLength(points.length);
    // The seeded points reach both sides of the commit.
    expect(new Set(outcomes).size).toBe(2);
  }, 240_000);
});

async function runsOf(db: TestDatabase, establishmentId: string) {
  const { rows } = await sql<{ status: string; lines_new: number; error_code: string | null }>`
    select status, lines_new, error_code from import_run where establishment_id = ${establishmentId}
    order by started_at, finished_at nulls last`.execute(db.db);
  return rows;
}
