// Benchmark of the API under load (not a test): npm run bench:api [-- --duration 10 --connections 50]
// Starts `cellier serve --no-worker` as its own process on a throwaway PostgreSQL database, signs up over HTTP,
// seeds a cellar (20,000 drinks counted at creation two years ago, 600 till products of which 400 linked, two
// years of sales), then drives each route in turn with autocannon at 50 concurrent connections.
// Each route is first timed alone (21 sequential requests: aloneP50Ms, what one user waits), then under load.
// Prints a table, then one JSON line: {"routes":{"<name>":{"rps","p50Ms","p99Ms","errors","aloneP50Ms"}}}.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createBenchDatabase } from './lib/importBenchSetup.ts';
import { seedCellar } from './lib/seedCellar.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    drinks: { type: 'string', default: '20000' },
  },
});

const ROOT = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A cookie jar just big enough for the session and CSRF cookies. */
class Session {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}
  async call(method: string, url: string, body?: unknown): Promise<unknown> {
    const res = await fetch(this.base + url, {
      method,
      headers: {
        cookie: this.header(),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(this.cookies.has('cellier_csrf')
          ? { 'x-csrf-token': this.cookies.get('cellier_csrf') ?? '' }
          : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (k && v !== undefined) this.cookies.set(k, v);
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

const db = await createBenchDatabase('postgres');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellier-bench-api-'));
const port = await freePort();
const server = spawn(
  path.join(ROOT, 'node_modules/.bin/tsx'),
  [path.join(ROOT, 'src/cli/main.ts'), 'serve', '--no-worker'],
  {
    env: {
      ...process.env,
      DATABASE_URL: db.url ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      CELLIER_SECRET_KEY: crypto.randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
let serverLog = '';
server.stderr.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600 || server.exitCode !== null) throw new Error(`the server did not start: ${serverLog}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const session = new Session(base);
  await session.call('GET', '/api/auth/me').catch(() => null);
  await session.call('POST', '/api/auth/signup', {
    email: 'bench@example.com',
    password: 'bench-password-1',
  });
  const est = (await session.call('POST', '/api/establishments', { name: 'Bench' })) as { id: string };
  const t0 = performance.now();
  const seeded = await seedCellar(db.db, est.id, {
    drinks: Number(args.drinks),
    products: 600,
    linked: 400,
    days: 730,
    linesPerDay: 300,
    now: new Date(),
  });
  console.log(
    `Seeded ${seeded.drinks} drinks, ${seeded.saleLines} sale lines in ${Math.round(performance.now() - t0)} ms`,
  );
  const e = `/api/establishments/${est.id}`;
  const routes: Record<string, string> = {
    drinksFirstPage: `${e}/drinks`,
    drinksSearch: `${e}/drinks?q=${encodeURIComponent('margaux 2015')}`,
    drinksByStock: `${e}/drinks?sort=stock&order=desc`,
    drinkSales: `${e}/drinks/${seeded.linkedDrinkId}/sales`,
    workList: `${e}/till-products`,
    proposal: `${e}/till-products/${seeded.unlinkedProductId}/proposal`,
    health: '/api/health',
  };
  // Every route must answer 200 before it is measured.
  for (const url of Object.values(routes)) await session.call('GET', url);
  const results: Record<
    string,
    { rps: number; p50Ms: number; p99Ms: number; errors: number; aloneP50Ms: number }
  > = {};
  // One client alone first (the cellar's targets: a page as one user sees it), then 50 at once.
  const alone: Record<string, number> = {};
  for (const [name, url] of Object.entries(routes)) {
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t = performance.now();
      await session.call('GET', url);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    alone[name] = Math.round((times[10] ?? 0) * 10) / 10;
  }
  for (const [name, url] of Object.entries(routes)) {
    const r = await autocannon({
      url: base + url,
      connections: Number(args.connections),
      duration: Number(args.duration),
      headers: { cookie: session.header() },
    });
    results[name] = {
      rps: Math.round(r.requests.average),
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      aloneP50Ms: alone[name] ?? 0,
    };
  }
  const load = os.loadavg().map((x) => x.toFixed(1));
  console.log(
    `\nAPI on PostgreSQL, ${args.connections} connections, ${args.duration} s per route (load average ${load.join(' ')}, ${os.cpus().length} cores)`,
  );
  console.log('route              req/s   p50 ms   p99 ms   errors   alone p50 ms');
  for (const [name, r] of Object.entries(results))
    console.log(
      `${name.padEnd(16)} ${String(r.rps).padStart(7)} ${String(r.p50Ms).padStart(8)} ${String(r.p99Ms).padStart(8)} ${String(r.errors).padStart(8)} ${String(r.aloneP50Ms).padStart(14)}`,
    );
  console.log(JSON.stringify({ routes: results }));
} catch (error) {
  console.error(serverLog);
  throw error;
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
  await db.drop();
}
