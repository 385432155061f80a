import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAvailable: boolean;
  }
}

/** The PostgreSQL-server half of the integration suite is mandatory in CI; elsewhere it says plainly that it skips. */
export default async function requirePostgres(project: TestProject): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresAvailable', true);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `PostgreSQL injoignable (${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')}) : ${reason}. Démarrez le serveur ou définissez TEST_DATABASE_URL.`;
    if (process.env.CI === 'true' || process.env.REQUIRE_ALL_SUITES === '1') throw new Error(message);
    console.warn(`\n⚠ Suite d'intégration PostgreSQL IGNORÉE : ${message}\n`);
    project.provide('postgresAvailable', false);
  } finally {
    await client.end().catch(() => undefined);
  }
}
