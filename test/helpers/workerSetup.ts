import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { insertEstablishment } from '../../src/db/repositories/establishments.ts';
import { insertTillConnection } from '../../src/db/repositories/tillConnections.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { createSecretBox } from '../../src/services/secrets.ts';
import type { TillAccess } from '../../src/services/tills/tillAccess.ts';
import type { AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { dumpImportTables } from './importSetup.ts';
import { ADMIN_URL } from './requirePostgres.ts';

/** A till access whose key can be handed to a child worker (hex in its environment). */
export function shareableTillAccess(): TillAccess & { key: Buffer } {
  const key = crypto.randomBytes(32);
  return {
    key,
    secrets: createSecretBox(key),
    connectorOptions: {
      retries: 3,
      backoff: { baseMs: 1, maxMs: 5 },
      timeouts: { connectMs: 2000, readMs: 5000, totalMs: 10000 },
    },
    allowInsecureLocalhost: true,
  };
}

/** The URL of a server database a test created, for child processes. */
export async function urlOf(db: Db): Promise<string> {
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${rows[0]?.name ?? ''}`;
  return url.toString();
}

/** A new establishment connected to one restaurant of a shared simulator. */
export async function connectTo(
  db: Db,
  sim: AsterioSimulator,
  access: TillAccess,
  clock: Clock,
  kmlcode: string,
  name = 'Établissement test',
): Promise<string> {
  const e = await insertEstablishment(db, { name, timeZone: 'Europe/Paris', dayCutoffHour: 4 });
  const c = sim.credentials(kmlcode);
  await insertTillConnection(
    db,
    e.id,
    'Astério',
    {
      tillType: 'asterio',
      domain: c.domain,
      kmlcode: c.kmlcode,
      siteCode: c.siteCode,
      identifier: c.identifier,
      passwordEncrypted: access.secrets.seal(c.password),
    },
    clock.now(),
  );
  return e.id;
}

/**
 * `dumpImportTables` without what differs between two databases or two establishments for the same till data:
 * generated ids (till products are named by their external id), establishment and till ids, creation times.
 */
export async function comparableDump(db: Db, establishmentId: string) {
  const dump = await dumpImportTables(db, establishmentId);
  const external = new Map(dump.products.map((p) => [p.id, p.external_id]));
  const ext = (id: string) => external.get(id) ?? `unknown:${id}`;
  return {
    products: dump.products.map(
      ({ id: _i, establishment_id: _e, till_id: _t, created_at: _c, ...rest }) => rest,
    ),
    labels: dump.labels
      .map(({ establishment_id: _e, till_product_id, ...rest }) => ({
        product: ext(till_product_id),
        ...rest,
      }))
      .sort((a, b) =>
        a.product === b.product
          ? String(a.valid_from).localeCompare(String(b.valid_from))
          : a.product.localeCompare(b.product),
      ),
    lines: dump.lines.map(({ till_product_id, ...rest }) => ({ ...rest, product: ext(till_product_id) })),
    quarantine: dump.quarantine,
  };
}

export async function countDayLines(db: Db, establishmentId: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('sale_line')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('establishment_id', '=', establishmentId)
    .where('business_day', '=', day)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type BossJobRow = { id: string; state: string; retry_count: number; singleton_key: string | null };

export async function importJobsOf(db: Db, establishmentId: string): Promise<BossJobRow[]> {
  const { rows } = await sql<BossJobRow>`
    select id, state, retry_count, singleton_key from pgboss.job
    where name = 'import-night' and data->>'establishmentId' = ${establishmentId}
    order by created_on`.execute(db);
  return rows;
}

/**
 * pg-boss keeps its own time in the database (`now()`): to let "the 15-minute expiry" or "the retry delay" pass
 * without waiting, a job's timestamps are moved back. Nothing else of the job changes.
 */
export async function agePgBossJob(db: Db, jobId: string, minutes: number): Promise<void> {
  await sql`
    update pgboss.job set
      started_on = started_on - make_interval(mins => ${minutes}),
      start_after = start_after - make_interval(mins => ${minutes}),
      created_on = created_on - make_interval(mins => ${minutes})
    where id = ${jobId}`.execute(db);
}

/** Polls until `check` is true; fails with `what` at the deadline. */
export async function eventually(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
  everyMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Small seeded PRNG (mulberry32): the kill points are reproducible from the seed printed by the test. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
