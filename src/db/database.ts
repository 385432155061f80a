import fs from 'node:fs';
import { createLogger, type Logger } from '../log.ts';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { registerCanceller } from './cancellable.ts';
import { copyPoolOptions, registerCopyPool } from './copyClients.ts';
import { PGliteDialect } from './pgliteDialect.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type DbKind = 'pglite' | 'postgres';
/** Notifications delivered in this process before the writing COMMIT resolves (the embedded engine only). */
export type ListenInProcess = (
  channel: string,
  onMessage: (payload: string) => void,
) => Promise<() => Promise<void>>;
export type DatabaseHandle = {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
  listenInProcess?: ListenInProcess;
};

// Same JS types on both engines: int8 and numeric as numbers, date as 'YYYY-MM-DD'.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parseNumber = (value: string): number => Number(value);
const parseDate = (value: string): string => value;

/** No statement runs longer than this on the server (a runaway query cannot hold a connection for good). */
const STATEMENT_TIMEOUT_MS = 60_000;

export async function openPostgres(
  url: string,
  options: { statementTimeoutMs?: number; logger?: Pick<Logger, 'error'> } = {},
): Promise<DatabaseHandle> {
  // The default logger is made on the first error only: most pools never lose a connection.
  const logger = options.logger ?? { error: (m: string) => createLogger().error(m) };
  const copy = copyPoolOptions();
  const pool = new pg.Pool({
    connectionString: url,
    // Reports aggregate a few hundred thousand summary rows: JIT costs more than it saves on them (50 ms to compile),
    // and 4 MB of work_mem sends their grouping to a sort on disk.
    options: `${copy.options} -c jit=off -c work_mem=16MB`,
    statement_timeout: options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) => {
        if (oid === INT8 || oid === NUMERIC) return parseNumber;
        if (oid === DATE) return parseDate;
        return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
  registerCopyPool(pool, copy.token);
  pool.on('error', (error) => logger.error(`PostgreSQL : connexion perdue (${error.message})`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const closeCanceller = registerCanceller(db, url);
  const close = async () => {
    await db.destroy();
    await closeCanceller();
  };
  return { db, kind: 'postgres', close };
}

/** dataDir undefined means in memory (tests). */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle> {
  if (dataDir) fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir: path.resolve(dataDir, 'pglite') } : {}),
    extensions: { pg_trgm, unaccent },
    parsers: { [INT8]: parseNumber, [NUMERIC]: parseNumber, [DATE]: parseDate },
  });
  // As on the server: a report's grouping stays in memory instead of sorting on (virtual) disk.
  await pglite.exec(`set work_mem = '16MB'`);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const listenInProcess: ListenInProcess = async (channel, onMessage) => {
    const stop = await pglite.listen(channel, onMessage);
    return () => stop();
  };
  return { db, kind: 'pglite', close: () => db.destroy(), listenInProcess };
}

export function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir?: string;
  logger?: Pick<Logger, 'error'>;
}): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.logger ? { logger: options.logger } : {})
    : openPglite(options.dataDir);
}

/** The health check's round trip to the database. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
