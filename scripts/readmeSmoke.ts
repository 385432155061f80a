/**
 * CI smoke run of the README's own commands on this checkout: `npm run till:sim` and
 * `CELLIER_DEV_LOCAL_TILLS=true npm start` with a temporary DATA_DIR and free ports, then, over the HTTP API,
 * an account, an establishment, the till connection and one night imported by the served queue.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TIMEOUT_MS = 240_000;

type Started = { child: ChildProcess; output: () => string };

function start(args: string[], env: Record<string, string>): Started {
  // Its own process group, so that npm, tsx and node stop together.
  const child = spawn('npm', args, { env: { ...process.env, ...env }, detached: true, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output };
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A cookie-keeping client that echoes the CSRF cookie, as the web app does. */
function client(base: string) {
  const cookies = new Map<string, string>();
  return async (method: string, url: string, body?: unknown) => {
    const headers: Record<string, string> = {
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': cookies.get('cellier_csrf') ?? '',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${url}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellier-smoke-'));
  const sim = start(['run', 'till:sim', '--', '--port', '0', '--seed', '1'], {});
  const app = start(['start'], {
    CELLIER_DEV_LOCAL_TILLS: 'true',
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    COOKIE_SECURE: 'false',
  });
  try {
    const simText = await waitFor('simulateur', () =>
      /mot de passe \S+/.test(sim.output()) ? sim.output() : undefined,
    );
    const field = (name: string) => new RegExp(`${name} +(\\S+)`).exec(simText)?.[1] ?? '';
    const creds = {
      tillType: 'asterio',
      domain: field('domaine'),
      kmlcode: field('kmlcode'),
      siteCode: field('code site'),
      identifier: field('identifiant'),
      password: field('mot de passe'),
    };
    const port = await waitFor('npm start', () => /sur http:\/\/localhost:(\d+)/.exec(app.output())?.[1]);
    if (!/CELLIER_DEV_LOCAL_TILLS/.test(app.output()))
      throw new Error('le démarrage ne signale pas le réglage');
    const api = client(`http://127.0.0.1:${port}`);
    await api('GET', '/api/auth/me').catch(() => undefined);
    await api('POST', '/api/auth/signup', {
      email: 'smoke@cellier.test',
      password: 'un-mot-de-passe-solide',
    });
    const { id } = (await api('POST', '/api/establishments', { name: 'Smoke' })) as { id: string };
    const saved = (await api('POST', `/api/establishments/${id}/tills`, creds)) as { test: { ok: boolean } };
    if (!saved.test.ok) throw new Error(`connexion refusée : ${JSON.stringify(saved)}`);
    await api('POST', `/api/establishments/${id}/imports`, {});
    const run = await waitFor('une nuit importée', async () => {
      const o = (await api('GET', `/api/establishments/${id}/imports`)) as {
        runs: { businessDay: string; status: string; lines: number }[];
      };
      return o.runs.find((r) => r.status === 'succeeded' && r.lines > 0);
    });
    console.log(`README smoke: simulator connected, night ${run.businessDay} imported (${run.lines} lines)`);
  } catch (error) {
    console.error(`--- npm start ---\n${app.output()}\n--- till:sim ---\n${sim.output()}`);
    throw error;
  } finally {
    for (const p of [app.child, sim.child]) if (p.pid && p.exitCode === null) process.kill(-p.pid, 'SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
