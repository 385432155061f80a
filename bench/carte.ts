/**
 * `npm run bench:carte`: the public wine list of 400 wines (half priced by linked till products, bottle and
 * glass) on the embedded database, served over loopback HTTP to autocannon with 50 concurrent clients.
 * Side by side: the cached page as `npm start` serves it (fresh until a commit notice names the establishment),
 * the cached page checked by a carte_stamp read on every hit (the PostgreSQL server path), and the same page
 * rendered on every request. Prints a table, then one JSON line: {"p50Ms","p99Ms","rps","errors","bytes"} of
 * the first.
 */
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { openPglite } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { fixedClock } from '../src/domain/clock.ts';
import { buildApp } from '../src/http/app.ts';
import { createEmbeddedQueue } from '../src/jobs/embeddedQueue.ts';
import { renderCarteHtml } from '../src/http/carte/renderHtml.ts';
import { createSecretBox } from '../src/services/secrets.ts';
import { loadPublicCarte } from '../src/services/wineLists/publicCarte.ts';

const WINES = 400;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SLUG = 'bench-carte';
const REGIONS = ['Bordeaux', 'Bourgogne', 'Loire', 'Rhône', 'Alsace', 'Languedoc', 'Provence', 'Champagne'];
const COLOURS = ['rouge', 'blanc', 'rosé'];

async function seed(db: Awaited<ReturnType<typeof openPglite>>['db']): Promise<void> {
  await migrateToLatest(db);
  await db
    .insertInto('appellation')
    .values(
      REGIONS.map((r, i) => ({
        id: `bench-${i}`,
        name: `Appellation ${r}`,
        sign: i % 3 === 0 ? 'IGP' : 'AOP',
        wine_region: r,
        colours: COLOURS,
        alt_names: [],
        search_text: r.toLowerCase(),
      })),
    )
    .execute();
  const est = await db
    .insertInto('establishment')
    .values({ name: 'Le Banc d’Essai' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const till = await db
    .insertInto('till_connection')
    .values({
      establishment_id: est.id,
      till_type: 'asterio',
      domain: 'https://bench-70001.myasterio.com',
      kmlcode: 'bench-70001',
      site_code: 'SID',
      identifier: 'BENCH',
      password_encrypted: 'v1:x:y:z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const drinks = await db
    .insertInto('drink')
    .values(
      Array.from({ length: WINES }, (_, n) => {
        const region = REGIONS[n % REGIONS.length] ?? 'Bordeaux';
        const type = n % 10 === 0 ? 'champagne' : 'wine';
        return {
          establishment_id: est.id,
          type,
          colour: type === 'wine' ? (COLOURS[n % 3] ?? null) : null,
          producer: `Domaine ${['des Tilleuls', 'du Clos', 'de la Roche', 'Saint-Martin'][n % 4] ?? ''} ${n}`,
          cuvee: n % 2 === 0 ? `Cuvée ${n}` : null,
          appellation_id: `bench-${n % REGIONS.length}`,
          appellation: `Appellation ${region}`,
          region,
          grapes: [],
          vintage: 2005 + (n % 18),
          format_cl: 75,
          sale_price_cents: 2500 + n * 10,
          search_text: `bench ${n}`,
        };
      }),
    )
    .returning('id')
    .execute();
  await db
    .insertInto('stock_movement')
    .values(
      drinks.map((d, n) => ({
        establishment_id: est.id,
        drink_id: d.id,
        kind: 'receipt' as const,
        quantity: 1 + (n % 12),
        occurred_at: new Date('2026-11-01T10:00:00Z'),
      })),
    )
    .execute();
  const linked = drinks.filter((_, n) => n % 2 === 0);
  const products = await db
    .insertInto('till_product')
    .values(
      linked.flatMap((d, n) => [
        {
          establishment_id: est.id,
          till_id: till.id,
          external_id: `B${n}`,
          label: `BTL VIN ${n}`,
          family: 'VINS',
          vat_rate: 20,
          price_cents: 3000 + n * 10,
          first_seen_on: '2026-11-01',
          last_seen_on: '2026-11-26',
        },
        {
          establishment_id: est.id,
          till_id: till.id,
          external_id: `V${n}`,
          label: `VRE VIN ${n} 12CL`,
          family: 'VINS AU VERRE',
          vat_rate: 20,
          price_cents: 600 + n * 2,
          first_seen_on: '2026-11-01',
          last_seen_on: '2026-11-26',
        },
      ]),
    )
    .returning(['id', 'external_id'])
    .execute();
  await db
    .insertInto('till_link')
    .values(
      products.map((p) => {
        const n = Number(p.external_id.slice(1));
        return {
          establishment_id: est.id,
          till_product_id: p.id,
          drink_id: linked[n]?.id ?? '',
          factor: p.external_id.startsWith('B') ? 1 : 0.16,
          linked_by: null,
        };
      }),
    )
    .execute();
  const list = await db
    .insertInto('wine_list')
    .values({
      establishment_id: est.id,
      name: 'Carte des vins',
      slug: SLUG,
      published: true,
      header_name: 'Le Banc d’Essai',
      header_address: '12 rue des Caves, 75011 Paris',
      low_stock_threshold: 2,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('wine_list_item')
    .values(
      drinks.map((d, n) => ({
        establishment_id: est.id,
        wine_list_id: list.id,
        drink_id: d.id,
        position: n + 1,
        note: n % 5 === 0 ? 'Fruité, souple, à boire sur le fruit.' : null,
      })),
    )
    .execute();
}

type Row = { name: string; p50Ms: number; p99Ms: number; rps: number; errors: number; bytes: number };

async function load(url: string, seconds: number): Promise<Omit<Row, 'name' | 'bytes'>> {
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    // The load runs in its own thread, so that it does not share the server's event loop.
    workers: 1,
    headers: { 'accept-encoding': 'br, gzip' },
  });
  return {
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    rps: Math.round(r.requests.average),
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

async function main(): Promise<void> {
  const handle = await openPglite();
  await seed(handle.db);
  const clock = fixedClock('2026-11-27T10:00:00Z');
  const tills = {
    secrets: createSecretBox(crypto.randomBytes(32)),
    connectorOptions: {},
    allowInsecureLocalhost: false,
  };
  const imports = createEmbeddedQueue({ db: handle.db, tills, clock }, { schedule: false });
  const context = {
    db: handle.db,
    dbKind: handle.kind,
    clock,
    version: 'bench',
    cookieSecure: 'false',
    tills,
    imports,
  } as const;
  const app = await buildApp({ ...context, listenInProcess: handle.listenInProcess });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const stampApp = await buildApp(context);
  const stampUrl = await stampApp.listen({ port: 0, host: '127.0.0.1' });
  const first = await fetch(`${url}/carte/${SLUG}`, { headers: { 'accept-encoding': 'br' } });
  const html = await first.text();
  const raw = Buffer.byteLength(html);
  const br = zlib.brotliCompressSync(html, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const gzip = zlib.gzipSync(html, { level: 9 }).length;
  const wines = (html.match(/<li><div class="w">/g) ?? []).length;

  // The alternative: the same page built and compressed on every request (no cache).
  const uncached = Fastify();
  uncached.get('/carte', async (_req, reply) => {
    const carte = await loadPublicCarte(handle.db, SLUG);
    if (!carte) return reply.status(404).send();
    const body = zlib.gzipSync(renderCarteHtml(carte, 'fr'));
    return reply.header('content-encoding', 'gzip').type('text/html').send(body);
  });
  const uncachedUrl = await uncached.listen({ port: 0, host: '127.0.0.1' });

  const cached: Row = {
    name: 'cached (commit notice)',
    ...(await load(`${url}/carte/${SLUG}`, SECONDS)),
    bytes: br,
  };
  const stamped: Row = {
    name: 'cached (stamp per hit)',
    ...(await load(`${stampUrl}/carte/${SLUG}`, SECONDS)),
    bytes: br,
  };
  const rendered: Row = {
    name: 'rendered per request',
    ...(await load(`${uncachedUrl}/carte`, Math.max(3, SECONDS / 2))),
    bytes: gzip,
  };
  await uncached.close();
  await stampApp.close();
  await app.close();
  await imports.stop();
  await handle.close();

  console.log(`bench:carte — ${wines} wines on the page of ${WINES}, ${CONNECTIONS} clients, PGlite`);
  console.log(`page: ${raw} B raw, ${gzip} B gzip, ${br} B brotli (limit 61440 B over the wire)`);
  console.log('variant                  p50 ms   p99 ms      rps   errors    bytes');
  for (const r of [cached, stamped, rendered])
    console.log(
      `${r.name.padEnd(22)} ${r.p50Ms.toFixed(1).padStart(8)} ${r.p99Ms.toFixed(1).padStart(8)} ${String(r.rps).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.bytes).padStart(8)}`,
    );
  console.log(
    `target: p99 <= 30 ms at ${CONNECTIONS} clients, <= 60 KB: ${cached.p99Ms <= 30 && br <= 61440 ? 'met' : 'NOT met'}`,
  );
  console.log(
    JSON.stringify({
      p50Ms: cached.p50Ms,
      p99Ms: cached.p99Ms,
      rps: cached.rps,
      errors: cached.errors,
      bytes: br,
    }),
  );
}

await main();
