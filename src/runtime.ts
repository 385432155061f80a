import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedReferenceData } from './services/reference/seedReferenceData.ts';
import { inTransaction } from './db/transaction.ts';

const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = path.join(ROOT_DIR, 'web', 'dist');

export const VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string }
).version;

/** Opens the configured database, brings its schema up to date and loads the shipped reference data. */
export async function openReadyDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  logger?: Pick<Logger, 'error'>,
): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    ...(logger ? { logger } : {}),
  });
  try {
    await migrateToLatest(handle.db);
    await inTransaction(handle.db, (trx) => seedReferenceData(trx));
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
