import crypto from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle, type DbKind } from '../../src/db/database.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { insertEstablishment } from '../../src/db/repositories/establishments.ts';
import { insertTillConnection } from '../../src/db/repositories/tillConnections.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { createSecretBox } from '../../src/services/secrets.ts';
import type { TillAccess } from '../../src/services/tills/tillAccess.ts';
import type { AsterioSimulator } from '../../src/tills/simulator/index.ts';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDatabase = DatabaseHandle & { url: string | null; drop: () => Promise<void> };

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A migrated database: PGlite in memory, or a throwaway database on the local server (dropped by `drop`). */
export async function createBenchDatabase(kind: DbKind): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const handle = await openPglite();
    await migrateToLatest(handle.db);
    return { ...handle, url: null, drop: handle.close };
  }
  const name = `cellier_bench_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export function benchTillAccess(key: Buffer = crypto.randomBytes(32)): TillAccess & { key: Buffer } {
  return {
    key,
    secrets: createSecretBox(key),
    connectorOptions: {
      retries: 3,
      backoff: { baseMs: 1, maxMs: 5 },
      timeouts: { connectMs: 5000, readMs: 15000, totalMs: 60000 },
    },
    allowInsecureLocalhost: true,
  };
}

/** An establishment whose till connection points at one of the simulator's restaurants. */
export async function connectEstablishment(
  db: Db,
  sim: AsterioSimulator,
  access: TillAccess,
  clock: Clock,
  kmlcode: string,
  name = 'Bench',
): Promise<{ establishmentId: string; tillId: string }> {
  const establishment = await insertEstablishment(db, {
    name,
    timeZone: 'Europe/Paris',
    dayCutoffHour: 4,
  });
  const c = sim.credentials(kmlcode);
  const till = await insertTillConnection(
    db,
    establishment.id,
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
  return { establishmentId: establishment.id, tillId: till.id };
}
