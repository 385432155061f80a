// Benchmark of the nightly import (not a test): npm run bench:import [-- --establishments N --restaurants R]
// 1. One busy night (brasserieduport-70002, a Saturday: ~1,750 tickets / ~7,600 lines) from the simulator over
//    HTTP: importNight's wall time on PostgreSQL (a throwaway database on the local server) with the COPY path
//    and with the statement (unnest) path, and on PGlite (in memory, statement path), fetch and write apart.
// 2. A fleet: N establishments × 1 night on PostgreSQL, imported by 2 pg-boss worker *processes*, with the COPY
//    path then the statement path; lines per second end to end, against a raw server-side COPY of the same rows
//    into the same table, measured in the same run.
// 3. The big fleet: 2,000 establishment-nights by 4 worker processes (COPY path), to see how workers scale.
// 4. The same busy night through HubRise: importNight over HTTP from the HubRise simulator, on PostgreSQL.
// 5. A sales file: a year of a busy bar (200,000 ticket lines, Windows-1252 CSV) imported on PostgreSQL, in lines
//    per second against a raw server-side COPY of the same stored rows into the same table, in the same run.
// The last line printed is one JSON object with the headline figures.
import { parseArgs } from 'node:util';
import { createAsterioSimulator } from '../src/tills/simulator/index.ts';
import { benchFleet } from './lib/importBenchFleet.ts';
import { benchNight, type NightFigures } from './lib/importBenchNight.ts';
import { benchHubriseNight } from './lib/importBenchHubrise.ts';
import { benchSalesFile } from './lib/importBenchSalesFile.ts';

const { values: args } = parseArgs({
  options: {
    establishments: { type: 'string', default: '500' },
    restaurants: { type: 'string', default: '20' },
    workers: { type: 'string', default: '2' },
    repeat: { type: 'string', default: '5' },
    'fleet4-establishments': { type: 'string', default: '2000' },
    'fleet4-workers': { type: 'string', default: '4' },
    'file-lines': { type: 'string', default: '200000' },
    'file-repeat': { type: 'string', default: '3' },
  },
});

const NOW = '2026-11-27T09:00:00Z';
const DAY = '2026-11-21'; // a Saturday
const BUSY = 'brasserieduport-70002';

const sim = createAsterioSimulator({ seed: 11, now: NOW });
await sim.listen(0);
const nights: NightFigures[] = [];
try {
  const night = { kmlcode: BUSY, day: DAY, now: NOW, repeat: Number(args.repeat) };
  nights.push(await benchNight('postgres', sim, { ...night, writePath: 'copy' }));
  nights.push(await benchNight('postgres', sim, { ...night, writePath: 'unnest' }));
  nights.push(await benchNight('pglite', sim, night));
} finally {
  await sim.close();
}
const hubrise = await benchHubriseNight({ kmlcode: BUSY, day: DAY, now: NOW, repeat: Number(args.repeat) });
const file = await benchSalesFile({
  lines: Number(args['file-lines']),
  lastDay: DAY,
  now: NOW,
  repeat: Number(args['file-repeat']),
});
const fleetInput = {
  establishments: Number(args.establishments),
  restaurants: Number(args.restaurants),
  workers: Number(args.workers),
  day: DAY,
  now: NOW,
};
const fleet = await benchFleet({ ...fleetInput, writePath: 'copy' });
const fleetUnnest = await benchFleet({ ...fleetInput, writePath: 'unnest' });
const fleet4 = await benchFleet({
  ...fleetInput,
  establishments: Number(args['fleet4-establishments']),
  workers: Number(args['fleet4-workers']),
  writePath: 'copy',
});

const ms = (x: number) => x.toFixed(0).padStart(7);
console.log(
  `\nOne night: ${nights[0]?.tickets} tickets, ${nights[0]?.lines} lines (${BUSY}, ${DAY}), median of ${args.repeat} first imports`,
);
console.log('engine     path     total ms  fetch ms  write ms  re-import ms  samples');
for (const n of nights)
  console.log(
    `${n.kind.padEnd(10)} ${n.writePath.padEnd(7)}  ${ms(n.totalMs)}   ${ms(n.fetchMs)}   ${ms(n.writeMs)}   ${ms(n.reimportMs)}       ${n.samples.join(' ')}`,
  );
const pgNight = nights.find((n) => n.kind === 'postgres' && n.writePath === 'copy');
const pgUnnestNight = nights.find((n) => n.kind === 'postgres' && n.writePath === 'unnest');
const liteNight = nights.find((n) => n.kind === 'pglite');
const ratio = fleet.fleetLinesPerSec / fleet.copyLinesPerSec;
console.log(
  '\nFleets (~' + Math.round(fleet.lines / fleet.establishments) + ' lines per establishment-night)',
);
console.log(
  'run                          establishments workers     lines      ms   lines/s  raw COPY l/s  ratio',
);
for (const [name, f] of [
  ['import, COPY path', fleet],
  ['import, statement path', fleetUnnest],
  ['import, COPY path, big', fleet4],
] as const)
  console.log(
    `${name.padEnd(28)} ${String(f.establishments).padStart(14)} ${String(f.workers).padStart(7)} ${String(f.lines).padStart(9)} ${ms(f.fleetMs)} ${ms(f.fleetLinesPerSec)}      ${ms(f.copyLinesPerSec)}  ${(f.fleetLinesPerSec / f.copyLinesPerSec).toFixed(3)}   (${f.failed} failed runs)`,
  );
console.log(
  `\nHubRise night (${BUSY}, ${DAY}, PostgreSQL): ${hubrise.tickets} orders, ${hubrise.lines} lines, ${hubrise.totalMs.toFixed(0)} ms median (target ≤ 1000), samples ${hubrise.samples.join(' ')}`,
);
console.log(
  `Sales file (a year of a busy bar, PostgreSQL): ${file.lines} lines over ${file.days} days, ${(file.bytes / 1e6).toFixed(1)} MB, ${file.importMs.toFixed(0)} ms median (samples ${file.samples.join(' ')}), ${file.fileLinesPerSec.toFixed(0)} lines/s; raw COPY ${file.copyLinesPerSec.toFixed(0)} lines/s; ratio ${file.fileRatio.toFixed(3)} (target ≥ 0.3)`,
);
console.log(
  `ratio ${ratio.toFixed(3)} (target ≥ 0.6); night on PostgreSQL ${pgNight?.totalMs.toFixed(0)} ms (target ≤ 300)\n`,
);
console.log(
  JSON.stringify({
    nightPgMs: Math.round(pgNight?.totalMs ?? NaN),
    nightPgliteMs: Math.round(liteNight?.totalMs ?? NaN),
    fleetLinesPerSec: Math.round(fleet.fleetLinesPerSec),
    copyLinesPerSec: Math.round(fleet.copyLinesPerSec),
    ratio: Number(ratio.toFixed(3)),
    lines: fleet.lines,
    nightPgUnnestMs: Math.round(pgUnnestNight?.totalMs ?? NaN),
    fleetUnnestLinesPerSec: Math.round(fleetUnnest.fleetLinesPerSec),
    fleet4LinesPerSec: Math.round(fleet4.fleetLinesPerSec),
    fleet4Lines: fleet4.lines,
    hubriseNightMs: Math.round(hubrise.totalMs),
    fileLinesPerSec: Math.round(file.fileLinesPerSec),
    fileRatio: Number(file.fileRatio.toFixed(3)),
  }),
);
