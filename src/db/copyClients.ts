import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './schema.ts';

// Kysely hides the pg client under a transaction; COPY FROM STDIN needs it. Every pooled client of a PostgreSQL
// server is registered under its pool's token and backend pid, which the transaction itself can tell.
const clients = new Map<string, pg.PoolClient>();

/** Pool options that tag each session with a token readable by `current_setting('cellier.pool')`. */
export function copyPoolOptions(): { options: string; token: string } {
  const token = crypto.randomBytes(8).toString('hex');
  return { options: `-c cellier.pool=${token}`, token };
}

export function registerCopyPool(pool: pg.Pool, token: string): void {
  pool.on('connect', (client) => {
    const pid = (client as pg.PoolClient & { processID?: number }).processID;
    if (pid !== undefined) clients.set(`${token}:${pid}`, client);
  });
  pool.on('remove', (client) => {
    const pid = (client as pg.PoolClient & { processID?: number }).processID;
    if (pid !== undefined) clients.delete(`${token}:${pid}`);
  });
}

/**
 * The pg client under `db` (a transaction holding its connection), or null on PGlite (no COPY FROM STDIN) or
 * when `CELLIER_IMPORT_WRITE=unnest` asks for the statement path (bench comparison).
 */
export async function copyClientOf(db: Kysely<Database>): Promise<pg.PoolClient | null> {
  if (clients.size === 0 || process.env.CELLIER_IMPORT_WRITE === 'unnest') return null;
  const { rows } = await sql<{ token: string | null; pid: number }>`
    select current_setting('cellier.pool', true) as token, pg_backend_pid() as pid`.execute(db);
  const row = rows[0];
  if (!row?.token) return null;
  return clients.get(`${row.token}:${row.pid}`) ?? null;
}

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Streams rows into `copy <target> from stdin` on the given client, 1,000 rows per chunk. */
export async function copyRows(
  client: pg.PoolClient,
  target: string,
  rows: readonly (readonly (string | number | null)[])[],
): Promise<void> {
  async function* chunks() {
    for (let i = 0; i < rows.length; i += 1000) {
      let text = '';
      for (const row of rows.slice(i, i + 1000)) text += row.map(copyField).join('\t') + '\n';
      yield text;
    }
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`copy ${target} from stdin`)));
}
