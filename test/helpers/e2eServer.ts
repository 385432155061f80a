import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { composeCellier } from '../../src/cli/compose.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { openPglite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedReferenceData } from '../../src/services/reference/seedReferenceData.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { TEST_CONNECTOR_OPTIONS, testConfig } from './client.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = path.join(ROOT, 'web');
export const WEB_DIST = path.join(WEB_DIR, 'dist');

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Builds the SPA when web/dist is missing or older than its sources (always in CI). */
export function ensureWebBuild(): void {
  const builtIndex = path.join(WEB_DIST, 'index.html');
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => path.join(WEB_DIR, p));
  const upToDate =
    process.env.CI !== 'true' &&
    fs.existsSync(builtIndex) &&
    fs.statSync(builtIndex).mtimeMs >= Math.max(...sources.map(newestMtime));
  if (upToDate) return;
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(WEB_DIR, 'vite.config.ts'),
      '--logLevel',
      'warn',
    ],
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
}

export type E2eServer = {
  url: string;
  app: FastifyInstance;
  /** What the import queue logged as errors (a night that failed without a run). */
  importErrors: string[];
  close: () => Promise<void>;
};

/**
 * The production composition (scheduler on, local tills allowed as with CELLIER_DEV_LOCAL_TILLS) on an
 * in-memory PGlite, serving the built SPA on a free localhost port.
 */
export async function startE2eServer(options: { clock?: Clock } = {}): Promise<E2eServer> {
  ensureWebBuild();
  const database = await openPglite();
  await migrateToLatest(database.db);
  await inTransaction(database.db, (trx) => seedReferenceData(trx));
  const importErrors: string[] = [];
  const cellier = await composeCellier({
    ...(options.clock ? { clock: options.clock } : {}),
    config: testConfig(),
    database,
    connectorOptions: TEST_CONNECTOR_OPTIONS,
    webDir: WEB_DIST,
    quiet: true,
    version: 'test',
    logger: { info: () => undefined, warn: () => undefined, error: (m) => importErrors.push(m) },
  });
  const { app } = cellier;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    importErrors,
    close: async () => {
      await cellier.close();
      await database.close();
    },
  };
}
