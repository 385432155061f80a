import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../../helpers/client.ts';
import { planImportsJob } from '../../../src/jobs/definitions.ts';
import { openPostgres } from '../../../src/db/database.ts';

// Expired sessions are purged on the planner's tick (issue 10, 9); PostgreSQL statements time out (8).
describeOnBothDatabases('sessions purge', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  it('deletes expired sessions when the planner ticks, and keeps live ones', async () => {
    const old = new TestClient(t.app);
    await old.signUp('ancien@resto.fr');
    t.clock.advance(15 * 24 * 3600 * 1000);
    const live = new TestClient(t.app);
    await live.signUp('actuel@resto.fr');
    expect(await db.db.selectFrom('session').select('id').execute()).toHaveLength(2);
    await planImportsJob.run(
      { db: db.db, tills: t.tills, clock: t.clock, imports: { enqueue: async () => undefined } },
      {},
    );
    expect(await db.db.selectFrom('session').select('id').execute()).toHaveLength(1);
    expect((await live.get('/api/establishments')).statusCode).toBe(200);
  });
});

it('cancels a PostgreSQL statement that runs past the statement timeout', async () => {
  if (!inject('postgresAvailable')) return;
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const handle = await openPostgres(url.toString(), { statementTimeoutMs: 200 });
  try {
    await expect(sql`select pg_sleep(5)`.execute(handle.db)).rejects.toMatchObject({ code: '57014' });
  } finally {
    await handle.close();
  }
});
