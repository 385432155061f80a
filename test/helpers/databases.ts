import crypto from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openPglite, openPostgres, type DatabaseHandle, type DbKind } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedReferenceData } from '../../src/services/reference/seedReferenceData.ts';
import { inTransaction } from '../../src/db/transaction.ts';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = DatabaseHandle & { drop: () => Promise<void> };

/** A fresh, migrated, seeded database of the given kind; postgres ones are throwaway databases on the server. */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const handle = await openPglite();
    await migrateToLatest(handle.db);
    await inTransaction(handle.db, (trx) => seedReferenceData(trx));
    return { ...handle, drop: handle.close };
  }
  const name = `cellier_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString());
  await migrateToLatest(handle.db);
  await inTransaction(handle.db, (trx) => seedReferenceData(trx));
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs a suite once on PGlite and once on the PostgreSQL server (skipped, loudly, only outside CI). */
export function describeOnBothDatabases(name: string, body: (kind: DbKind) => void): void {
  describe.each(['pglite', 'postgres'] as const)(`${name} [%s]`, (kind) => {
    if (kind === 'postgres' && !inject('postgresAvailable')) {
      describe.skip('PostgreSQL indisponible', () => body(kind));
      return;
    }
    body(kind);
  });
}
