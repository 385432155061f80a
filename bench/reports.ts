/**
 * `npm run bench:reports [-- --lines N --pglite-lines N --drinks N --runs N]`: an establishment with 2,000 drinks,
 * a year of nightly sales (2.5 million lines by default) and 12 closed inventaires, on PostgreSQL and PGlite.
 * p50/p99 of the variance report, a month's coût matière with per-drink margins, and the reports page's first
 * load (the overview its first request asks for). `--engines postgres` or `pglite` runs one. `--keep` leaves the
 * PostgreSQL database in place (its name is printed) for EXPLAIN ANALYZE; `--database NAME` measures such a database
 * again without seeding it (migrations are brought up to date); `--seed-only` seeds, keeps and stops. Prints a table, then one JSON line.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../src/db/database.ts';
import { fixedClock } from '../src/domain/clock.ts';
import { varianceReport } from '../src/services/counts/varianceReport.ts';
import { bevCostReport, reportsOverview } from '../src/services/reports/reports.ts';
import { findReportsSeed, seedReports, type ReportsSeed } from './lib/seedReports.ts';
import { percentile } from './lib/timing.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} : entier positif attendu`);
  return v;
}
const LINES = arg('lines', 2_500_000);
const PGLITE_LINES = arg('pglite-lines', LINES);
const DRINKS = arg('drinks', 2_000);
const RUNS = arg('runs', 15);
const engineArg = process.argv.indexOf('--engines');
const ENGINES = engineArg >= 0 ? (process.argv[engineArg + 1] ?? '').split(',') : ['postgres', 'pglite'];
const SEED_ONLY = process.argv.includes('--seed-only');
const KEEP = SEED_ONLY || process.argv.includes('--keep');
const dbArg = process.argv.indexOf('--database');
const REUSE = dbArg >= 0 ? process.argv[dbArg + 1] : undefined;
if (REUSE !== undefined && !/^cellier_bench_[0-9a-f]+$/.test(REUSE))
  throw new Error('--database : nom cellier_bench_… attendu');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const clock = fixedClock('2026-11-30T12:00:00Z');
const log = (s: string) => console.error(s);

type Figures = { p50: number; p99: number };
type Result = { lines: number; seedS: number; variance: Figures; bevCost: Figures; firstLoad: Figures };

async function time(fn: () => Promise<unknown>): Promise<Figures> {
  await fn(); // warm-up: plans and caches, as a page that has been opened once
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { p50: Math.round(percentile(xs, 50)), p99: Math.round(percentile(xs, 99)) };
}

async function measure(h: DatabaseHandle, lines: number, reuse = false): Promise<Result> {
  const s: ReportsSeed = reuse
    ? await findReportsSeed(h)
    : await seedReports(h, { drinks: DRINKS, lines, log });
  const { establishmentId: e, actorId: a } = s;
  log(`  seeded in ${Math.round(s.seedMs / 1000)} s`);
  if (SEED_ONLY) process.exit(0);
  // On one connection, as a route runs them (whileClientWaits): the server does not run a report's queries side by side.
  const oneConnection = <T>(fn: (db: typeof h.db) => Promise<T>) => h.db.connection().execute(fn);
  const variance = await time(() => oneConnection((db) => varianceReport(db, a, e, s.lastSessionId)));
  const bevCost = await time(() =>
    oneConnection((db) => bevCostReport(db, a, e, { from: '2026-10-01', to: '2026-10-31' }, clock)),
  );
  const firstLoad = await time(() => oneConnection((db) => reportsOverview(db, a, e, {}, clock)));
  return { lines, seedS: Math.round(s.seedMs / 1000), variance, bevCost, firstLoad };
}

async function onPostgres(): Promise<Result> {
  const name = REUSE ?? `cellier_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (!REUSE) await admin.query(`create database ${name}`);
  log(`  database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const server = await openPostgres(url.toString(), { statementTimeoutMs: 0 });
  try {
    return await measure(server, LINES, REUSE !== undefined);
  } finally {
    await server.close();
    if (KEEP || REUSE) log(`  database kept: ${url.toString()}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function onPglite(): Promise<Result> {
  const lite = await openPglite();
  try {
    return await measure(lite, PGLITE_LINES);
  } finally {
    await lite.close();
  }
}

async function main() {
  const results: [string, Result][] = [];
  if (ENGINES.includes('postgres')) {
    log(`PostgreSQL: ${DRINKS} drinks, ${LINES} sale lines, 12 inventaires`);
    results.push(['postgres', await onPostgres()]);
    log(JSON.stringify(results.at(-1)));
  }
  if (ENGINES.includes('pglite')) {
    log(`PGlite: ${DRINKS} drinks, ${PGLITE_LINES} sale lines, 12 inventaires`);
    results.push(['pglite', await onPglite()]);
  }
  console.log(`Reports, ${DRINKS} drinks, 12 closed inventaires, ${RUNS} runs each after a warm-up (ms)`);
  console.log(
    [
      'engine'.padEnd(10),
      'lines'.padStart(9),
      'seed s',
      'variance p50/p99',
      'bev month p50/p99',
      'first load p50/p99',
    ].join(' | '),
  );
  for (const [n, r] of results)
    console.log(
      [
        n.padEnd(10),
        String(r.lines).padStart(9),
        String(r.seedS).padStart(6),
        `${r.variance.p50} / ${r.variance.p99}`.padStart(16),
        `${r.bevCost.p50} / ${r.bevCost.p99}`.padStart(17),
        `${r.firstLoad.p50} / ${r.firstLoad.p99}`.padStart(18),
      ].join(' | '),
    );
  const json = (r: Result) => ({
    lines: r.lines,
    varianceP50Ms: r.variance.p50,
    varianceP99Ms: r.variance.p99,
    bevCostP50Ms: r.bevCost.p50,
    bevCostP99Ms: r.bevCost.p99,
    firstLoadP50Ms: r.firstLoad.p50,
    firstLoadP99Ms: r.firstLoad.p99,
  });
  console.log(JSON.stringify(Object.fromEntries(results.map(([n, r]) => [n, json(r)]))));
}

await main();
