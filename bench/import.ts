// Benchmark of the nightly import (not a test): npm run bench:import [-- --establishments N --restaurants R]
// 1. One busy night (brasserieduport-70002, a Saturday: ~1,750 tickets / ~7,600 lines) from the simulator over
//    HTTP: importNight's wall time on PostgreSQL (a throwaway database on the local server) and on PGlite (in
//    memory), fetch and write apart.
// 2. A fleet: N establishments × 1 night on PostgreSQL, imported by 2 pg-boss worker *processes*; lines per second
//    end to end, against a raw server-side COPY of the same rows into the same table, measured in the same run.
// The last line printed is one JSON object with the headline figures.
import { parseArgs } from 'node:util';
import { createAsterioSimulator } from '../src/tills/simulator/index.ts';
import { benchFleet } from './lib/importBenchFleet.ts';
import { benchNight, type NightFigures } from './lib/importBenchNight.ts';

const { values: args } = parseArgs({
  options: {
    establishments: { type: 'string', default: '500' },
    restaurants: { type: 'string', default: '20' },
    workers: { type: 'string', default: '2' },
    repeat: { type: 'string', default: '5' },
  },
});

const NOW = '2026-11-27T09:00:00Z';
const DAY = '2026-11-21'; // a Saturday
const BUSY = 'brasserieduport-70002';

const sim = createAsterioSimulator({ seed: 11, now: NOW });
await sim.listen(0);
const nights: NightFigures[] = [];
try {
  for (const kind of ['postgres', 'pglite'] as const)
    nights.push(
      await benchNight(kind, sim, { kmlcode: BUSY, day: DAY, now: NOW, repeat: Number(args.repeat) }),
    );
} finally {
  await sim.close();
}
const fleet = await benchFleet({
  establishments: Number(args.establishments),
  restaurants: Number(args.restaurants),
  workers: Number(args.workers),
  day: DAY,
  now: NOW,
});

const ms = (x: number) => x.toFixed(0).padStart(7);
console.log(
  `\nOne night: ${nights[0]?.tickets} tickets, ${nights[0]?.lines} lines (${BUSY}, ${DAY}), median of ${args.repeat} first imports`,
);
console.log('engine      total ms  fetch ms  write ms  re-import ms  samples');
for (const n of nights)
  console.log(
    `${n.kind.padEnd(10)}  ${ms(n.totalMs)}   ${ms(n.fetchMs)}   ${ms(n.writeMs)}   ${ms(n.reimportMs)}       ${n.samples.join(' ')}`,
  );
const pgNight = nights.find((n) => n.kind === 'postgres');
const liteNight = nights.find((n) => n.kind === 'pglite');
const ratio = fleet.fleetLinesPerSec / fleet.copyLinesPerSec;
console.log(
  `\nFleet: ${fleet.establishments} establishments × 1 night (${fleet.restaurants} simulated brasseries, ~${Math.round(fleet.lines / fleet.establishments)} lines each), ${fleet.workers} pg-boss worker processes`,
);
console.log('                 lines      ms   lines/s');
console.log(
  `import (e2e)  ${String(fleet.lines).padStart(8)} ${ms(fleet.fleetMs)} ${ms(fleet.fleetLinesPerSec)}   (${fleet.tickets} tickets, ${fleet.failed} failed runs)`,
);
console.log(
  `raw COPY      ${String(fleet.lines).padStart(8)} ${ms(fleet.copyMs)} ${ms(fleet.copyLinesPerSec)}`,
);
console.log(
  `ratio ${ratio.toFixed(3)} (target ≥ 0.3); night on PostgreSQL ${pgNight?.totalMs.toFixed(0)} ms (target ≤ 1000)\n`,
);
console.log(
  JSON.stringify({
    nightPgMs: Math.round(pgNight?.totalMs ?? NaN),
    nightPgliteMs: Math.round(liteNight?.totalMs ?? NaN),
    fleetLinesPerSec: Math.round(fleet.fleetLinesPerSec),
    copyLinesPerSec: Math.round(fleet.copyLinesPerSec),
    ratio: Number(ratio.toFixed(3)),
    lines: fleet.lines,
  }),
);
