/**
 * `npm run bench:cellar`: the Boissons list with 20,000 drinks (and 60,000 movements) on PGlite and on the local
 * PostgreSQL server: median and p95 of a page for the common queries. Prints a table, then one JSON line.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { listDrinks, type DrinkFilter } from '../src/db/repositories/drinks.ts';
import { APPELLATIONS, PRODUCERS } from './lib/seedCellar.ts';

const DRINKS = Number(process.env.BENCH_DRINKS ?? 20_000);
const RUNS = 30;
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function seed(h: DatabaseHandle): Promise<string> {
  await migrateToLatest(h.db);
  const est = await h.db
    .insertInto('establishment')
    .values({ name: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < DRINKS; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, DRINKS - i) }, (_, k) => {
      const n = i + k;
      const producer = `${PRODUCERS[n % PRODUCERS.length] ?? ''} ${n}`;
      const appellation = APPELLATIONS[n % APPELLATIONS.length] ?? null;
      return {
        establishment_id: est.id,
        type: 'wine',
        colour: ['rouge', 'blanc', 'rosé'][n % 3] ?? null,
        producer,
        appellation,
        region: 'Bordeaux',
        grapes: [],
        vintage: 1990 + (n % 35),
        format_cl: 75,
        purchase_price_cents: 1000 + n,
        search_text: `${producer} ${appellation ?? ''} ${1990 + (n % 35)}`.toLowerCase(),
      };
    });
    const ids = await h.db.insertInto('drink').values(rows).returning('id').execute();
    await h.db
      .insertInto('stock_movement')
      .values(
        ids.flatMap((d, k) => [
          {
            establishment_id: est.id,
            drink_id: d.id,
            kind: 'receipt' as const,
            quantity: 12,
            occurred_at: new Date('2026-01-01'),
          },
          {
            establishment_id: est.id,
            drink_id: d.id,
            kind: 'count' as const,
            quantity: (i + k) % 13,
            occurred_at: new Date('2026-06-01'),
          },
          {
            establishment_id: est.id,
            drink_id: d.id,
            kind: 'loss' as const,
            quantity: 1,
            occurred_at: new Date('2026-07-01'),
          },
        ]),
      )
      .execute();
  }
  return est.id;
}

const QUERIES: Record<string, Partial<DrinkFilter>> = {
  'page 1, by name': {},
  'page 200, by name': { offset: 199 * 50 },
  'search "margaux 2015"': { searchTerms: ['margaux', '2015'] },
  'colour + region': { colour: 'blanc', region: 'Bordeaux' },
  'in stock, by stock': { inStock: true, sort: 'stock', order: 'desc' },
};

async function measure(h: DatabaseHandle, establishmentId: string) {
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [name, q] of Object.entries(QUERIES)) {
    const filter: DrinkFilter = { searchTerms: [], sort: 'name', order: 'asc', limit: 50, offset: 0, ...q };
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await listDrinks(h.db, establishmentId, filter);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out[name] = {
      p50: round(times[Math.floor(RUNS / 2)] ?? 0),
      p95: round(times[Math.floor(RUNS * 0.95)] ?? 0),
    };
  }
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const lite = await openPglite();
  const liteResult = await measure(lite, await seed(lite));
  await lite.close();
  const name = `cellier_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const server = await openPostgres(url.toString());
  let pgResult: Awaited<ReturnType<typeof measure>>;
  try {
    pgResult = await measure(server, await seed(server));
  } finally {
    await server.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  console.log(`Boissons list, ${DRINKS} drinks, ${RUNS} runs each (ms)`);
  console.log(['query'.padEnd(24), 'pglite p50', 'pglite p95', 'pg p50', 'pg p95'].join(' | '));
  for (const q of Object.keys(QUERIES)) {
    const l = liteResult[q];
    const p = pgResult[q];
    console.log([q.padEnd(24), l?.p50, l?.p95, p?.p50, p?.p95].map(String).join(' | '));
  }
  console.log(JSON.stringify({ drinks: DRINKS, pglite: liteResult, postgres: pgResult }));
}

await main();
