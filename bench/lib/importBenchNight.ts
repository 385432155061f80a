import type { DbKind } from '../../src/db/database.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { importNight } from '../../src/jobs/importNight.ts';
import type { AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { benchTillAccess, connectEstablishment, createBenchDatabase } from './importBenchSetup.ts';

export type NightFigures = {
  kind: DbKind;
  writePath: 'copy' | 'unnest';
  tickets: number;
  lines: number;
  /** Medians over the timed repetitions; each is a first import of the night into a new establishment. */
  totalMs: number;
  fetchMs: number;
  writeMs: number;
  reimportMs: number;
  samples: number[];
};

/**
 * Wall time of `importNight` for one busy night, over HTTP from the simulator: the fetch (catalogue and
 * tickets, every page) and the write (one transaction) apart. One untimed warm-up, then `repeat` timed runs,
 * each into a fresh establishment of the same database so that every run is a first import; then one
 * re-import of the same night (nothing changes: the idempotent path).
 */
export async function benchNight(
  kind: DbKind,
  sim: AsterioSimulator,
  input: { kmlcode: string; day: string; now: string; repeat: number; writePath?: 'copy' | 'unnest' },
): Promise<NightFigures> {
  const writePath = kind === 'pglite' ? 'unnest' : (input.writePath ?? 'copy');
  if (writePath === 'unnest') process.env.CELLIER_IMPORT_WRITE = 'unnest';
  else delete process.env.CELLIER_IMPORT_WRITE;
  const db = await createBenchDatabase(kind);
  const clock = fixedClock(input.now);
  const access = benchTillAccess();
  try {
    const runs: { total: number; fetch: number; write: number; lines: number; tickets: number }[] = [];
    let last = { establishmentId: '', tillId: '' };
    for (let i = 0; i <= input.repeat; i++) {
      const connected = await connectEstablishment(db.db, sim, access, clock, input.kmlcode, `B${i}`);
      last = connected;
      const t0 = performance.now();
      let t1 = t0;
      const run = await importNight(db.db, access, { ...connected, day: input.day, trigger: 'cli' }, clock, {
        afterFetch: () => void (t1 = performance.now()),
      });
      const t2 = performance.now();
      if (run.status !== 'succeeded') throw new Error(`import ${run.status}: ${run.errorMessage ?? ''}`);
      if (i > 0)
        runs.push({ total: t2 - t0, fetch: t1 - t0, write: t2 - t1, lines: run.lines, tickets: run.tickets });
    }
    const r0 = performance.now();
    const again = await importNight(db.db, access, { ...last, day: input.day, trigger: 'cli' }, clock);
    const reimportMs = performance.now() - r0;
    if (again.linesNew !== 0) throw new Error('re-import changed lines');
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    return {
      kind,
      writePath,
      tickets: runs[0]?.tickets ?? 0,
      lines: runs[0]?.lines ?? 0,
      totalMs: median(runs.map((r) => r.total)),
      fetchMs: median(runs.map((r) => r.fetch)),
      writeMs: median(runs.map((r) => r.write)),
      reimportMs,
      samples: runs.map((r) => Math.round(r.total)),
    };
  } finally {
    delete process.env.CELLIER_IMPORT_WRITE;
    await db.drop();
  }
}
