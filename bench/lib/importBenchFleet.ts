import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { fixedClock } from '../../src/domain/clock.ts';
import { createPgBossQueue } from '../../src/jobs/pgBossQueue.ts';
import {
  createAsterioSimulator,
  DEFAULT_RESTAURANTS,
  type RestaurantProfile,
} from '../../src/tills/simulator/index.ts';
import { KillableWorker } from '../../test/helpers/killableWorker.ts';
import { benchTillAccess, connectEstablishment, createBenchDatabase } from './importBenchSetup.ts';

export type FleetFigures = {
  writePath: 'copy' | 'unnest';
  establishments: number;
  restaurants: number;
  workers: number;
  lines: number;
  tickets: number;
  fleetMs: number;
  fleetLinesPerSec: number;
  copyMs: number;
  copyLinesPerSec: number;
  failed: number;
};

/** A mid-sized brasserie: a Saturday is ~1,000 tickets / ~4,000 lines (half the busy restaurant). */
export function fleetProfile(i: number): RestaurantProfile {
  const base = DEFAULT_RESTAURANTS[1];
  if (!base) throw new Error('no busy restaurant profile');
  return {
    ...base,
    name: `Brasserie ${i}`,
    kmlcode: `brasserieflotte${i}-${80000 + i}`,
    lunchTickets: 260,
    dinnerTickets: 575,
    maxTickets: 1000,
    maxLines: 4000,
  };
}

/**
 * `establishments` establishments × one night, on a PostgreSQL server database, imported by `workers` pg-boss
 * worker processes (the test helper's worker: real `importNightJob`, polling every 0.5 s, one job at a time);
 * timed from the enqueue to the last finished run. Then the same rows, exported with psql's \copy, are loaded
 * again by a server-side `COPY sale_line FROM '/tmp/…'` into the emptied table: the raw-load reference.
 */
export async function benchFleet(input: {
  establishments: number;
  restaurants: number;
  workers: number;
  day: string;
  now: string;
  /** 'unnest' starts the workers with CELLIER_IMPORT_WRITE=unnest: the statement path, for comparison. */
  writePath?: 'copy' | 'unnest';
}): Promise<FleetFigures> {
  const clock = fixedClock(input.now);
  const profiles = Array.from({ length: input.restaurants }, (_, i) => fleetProfile(i + 1));
  const sim = createAsterioSimulator({ seed: 17, clock, restaurants: profiles });
  await sim.listen(0);
  // The simulator generates a night once and caches it: do it before the clock starts.
  for (const p of profiles) sim.till(p.kmlcode).tickets(input.day);
  const db = await createBenchDatabase('postgres');
  const url = db.url ?? '';
  const access = benchTillAccess();
  const workers: KillableWorker[] = [];
  const file = path.join(os.tmpdir(), `cellier-bench-copy-${crypto.randomBytes(4).toString('hex')}.tsv`);
  try {
    const ids: { establishmentId: string; tillId: string }[] = [];
    for (let i = 0; i < input.establishments; i++) {
      const kml = profiles[i % profiles.length]?.kmlcode ?? '';
      ids.push(await connectEstablishment(db.db, sim, access, clock, kml, `Flotte ${i}`));
    }
    const producer = await createPgBossQueue(
      url,
      { db: db.db, tills: access, clock },
      { work: false, schedule: false },
    );
    const previous = process.env.CELLIER_IMPORT_WRITE;
    process.env.CELLIER_IMPORT_WRITE = input.writePath ?? 'copy';
    for (let i = 0; i < input.workers; i++)
      workers.push(new KillableWorker({ databaseUrl: url, secretKey: access.key }));
    if (previous === undefined) delete process.env.CELLIER_IMPORT_WRITE;
    else process.env.CELLIER_IMPORT_WRITE = previous;
    await Promise.all(workers.map((w) => w.waitFor('ready', 60_000)));

    const t0 = performance.now();
    await producer.enqueue(ids.map((connected) => ({ ...connected, day: input.day, trigger: 'cli' })));
    for (;;) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from import_run where status in ('succeeded', 'partial', 'failed')`.execute(
        db.db,
      );
      if ((rows[0]?.n ?? 0) >= input.establishments) break;
      if (workers.some((w) => !w.alive))
        throw new Error(`a worker died: ${workers.map((w) => w.stderr).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const fleetMs = performance.now() - t0;
    await Promise.all(workers.map((w) => w.stop()));
    await producer.stop();

    const { rows: totals } = await sql<{ lines: number; tickets: number; failed: number }>`
      select coalesce(sum(lines), 0)::int as lines, coalesce(sum(tickets), 0)::int as tickets,
        count(*) filter (where status = 'failed')::int as failed
      from import_run`.execute(db.db);
    const { rows: stored } = await sql<{ n: number }>`select count(*)::int as n from sale_line`.execute(
      db.db,
    );
    const lines = stored[0]?.n ?? 0;
    if (lines !== totals[0]?.lines) throw new Error(`stored ${lines} lines, runs say ${totals[0]?.lines}`);

    // The raw reference: the same rows, the same table (indexes included), the same server.
    execFileSync('psql', [url, '-qAt', '-c', `\\copy (select * from sale_line) to '${file}'`]);
    fs.chmodSync(file, 0o644);
    await sql`truncate sale_line`.execute(db.db);
    // Millions of rows (with the summary triggers) may outlast the pool's statement timeout on a loaded machine.
    const copyMs = await db.db.connection().execute(async (c) => {
      await sql`set statement_timeout = 0`.execute(c);
      const c0 = performance.now();
      await sql`${sql.raw(`copy sale_line from '${file}'`)}`.execute(c);
      const ms = performance.now() - c0;
      await sql`reset statement_timeout`.execute(c);
      return ms;
    });
    const { rows: copied } = await sql<{ n: number }>`select count(*)::int as n from sale_line`.execute(
      db.db,
    );
    if (copied[0]?.n !== lines) throw new Error(`COPY loaded ${copied[0]?.n}, expected ${lines}`);

    return {
      writePath: input.writePath ?? 'copy',
      establishments: input.establishments,
      restaurants: input.restaurants,
      workers: input.workers,
      lines,
      tickets: totals[0]?.tickets ?? 0,
      fleetMs,
      fleetLinesPerSec: lines / (fleetMs / 1000),
      copyMs,
      copyLinesPerSec: lines / (copyMs / 1000),
      failed: totals[0]?.failed ?? 0,
    };
  } finally {
    await Promise.all(workers.map((w) => w.kill()));
    fs.rmSync(file, { force: true });
    await sim.close();
    await db.drop();
  }
}
