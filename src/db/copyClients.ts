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

const SPECIAL = /[\\\t\n\r]/;

/** COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** COPY text of one row: fields escaped, tab-separated, newline-terminated. */
export function copyLine(row: CopyRow): string {
  let text = '';
  for (let i = 0; i < row.length; i++) text += (i === 0 ? '' : '\t') + copyField(row[i] ?? null);
  return text + '\n';
}

type CopyRow = readonly (string | number | null)[];

/**
 * Streams rows into `copy <target> from stdin` on the given client, in chunks of about 256 kB of text. `target`
 * may name columns: `sale_line (establishment_id, …)`. Items are rows of fields, or anything `render` turns into
 * one COPY line (escaped, newline-terminated).
 */
export async function copyRows(
  client: pg.PoolClient,
  target: string,
  rows: readonly CopyRow[],
): Promise<void>;
export async function copyRows<T>(
  client: pg.PoolClient,
  target: string,
  items: readonly T[],
  render: (item: T) => string,
): Promise<void>;
export async function copyRows(
  client: pg.PoolClient,
  target: string,
  items: readonly unknown[],
  render: (item: never) => string = copyLine,
): Promise<void> {
  const line = render as (item: unknown) => string;
  function* chunks() {
    let text = '';
    for (const item of items) {
      text += line(item);
      if (text.length >= 256 * 1024) {
        yield text;
        text = '';
      }
    }
    if (text.length > 0) yield text;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`copy ${target} from stdin`)));
}
