import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { untilAborted, WorkAbandoned } from '../../../src/db/cancellable.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../../helpers/client.ts';

// Issue 10, fair use: a request whose client goes away stops its database work. On PostgreSQL the statement
// running at that moment is cancelled (pg_cancel_backend), not left to the 60 s statement timeout.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeOnBothDatabases('abandoned database work', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('sends no further statement once the signal is aborted, and rolls its transaction back', async () => {
    const controller = new AbortController();
    const work = untilAborted(db.db, controller.signal, (conn) =>
      conn.transaction().execute(async (trx) => {
        await sql`insert into rate_limit (key, hits, expires_at) values ('abandon-1', 1, now())`.execute(trx);
        controller.abort();
        await sql`insert into rate_limit (key, hits, expires_at) values ('abandon-2', 1, now())`.execute(trx);
      }),
    );
    await expect(work).rejects.toBeInstanceOf(WorkAbandoned);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from rate_limit where key like 'abandon-%'`.execute(db.db);
    expect(rows[0]?.n).toBe(0);
    // The connection went back to the pool (or the one PGlite turn was given back): the next work runs.
    const after = await untilAborted(
      db.db,
      new AbortController().signal,
      async (conn) => (await sql<{ one: number }>`select 1 as one`.execute(conn)).rows[0]?.one,
    );
    expect(after).toBe(1);
  });
});

describe.runIf(inject('postgresAvailable'))('an abandoned request [postgres]', () => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: TestClient;
  let url: string;
  let base: string;
  let sessionId: string;
  let locker: pg.Client;
  let dbName: string;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    t = await createTestApp(db);
    owner = new TestClient(t.app);
    await owner.signUp('patron@abandon.fr');
    base = `/api/establishments/${await owner.createEstablishment('Le Lâché')}`;
    const drink = await owner.post(`${base}/drinks`, {
      type: 'wine',
      producer: 'Domaine Lent',
      formatCl: 75,
    });
    expect(drink.statusCode, drink.body).toBe(201);
    const session = await owner.post(`${base}/count-sessions`, {
      cutoffAt: '2026-11-26T23:00:00Z',
      scope: { kind: 'all' },
    });
    expect(session.statusCode, session.body).toBe(201);
    sessionId = session.json<{ id: string }>().id;
    dbName = (await sql<{ name: string }>`select current_database() as name`.execute(db.db)).rows[0]!.name;
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const admin = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    admin.pathname = `/${dbName}`;
    locker = new pg.Client({ connectionString: admin.toString() });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await t.app.close();
    await db.drop();
  });

  /** The app's backends stuck in a statement that waits for a lock (the locker's), from a fresh snapshot. */
  const waiting = async (): Promise<{ pid: number; query: string }[]> => {
    // Inside the locker's transaction, pg_stat_activity would be the snapshot taken at its first read.
    await locker.query('select pg_stat_clear_snapshot()');
    const { rows } = await locker.query<{ pid: number; query: string }>(
      `select pid, query from pg_stat_activity
        where datname = $1 and state = 'active' and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      [dbName],
    );
    return rows;
  };

  const until = async (check: () => Promise<boolean>, ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check()) return true;
      await sleep(50);
    }
    return false;
  };

  // The table the route's statement waits for: its main read for the drinks, the tenant gate for the others.
  const cases: [string, string, () => string][] = [
    ['the drinks list sorted by stock', 'drink', () => `${base}/drinks?sort=stock`],
    ['the overview report', 'membership', () => `${base}/reports/overview`],
    ['the bev-cost report', 'membership', () => `${base}/reports/bev-cost`],
    ['the variance report', 'membership', () => `${base}/count-sessions/${sessionId}/variance`],
    ['the variance history', 'membership', () => `${base}/variance-history`],
    ['the work list', 'membership', () => `${base}/till-products`],
  ];

  it.each(cases)('cancels the running statement of %s when the client aborts', async (_name, table, path) => {
    await locker.query('begin');
    try {
      // The route's statement waits for this lock: a slow statement, visible in pg_stat_activity.
      await locker.query(`lock table ${table} in access exclusive mode`);
      const controller = new AbortController();
      const cookie = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const sent = fetch(`${url}${path()}`, { headers: { cookie }, signal: controller.signal }).catch(
        (error: unknown) => error,
      );
      expect(await until(async () => (await waiting()).length === 1, 5000)).toBe(true);
      const [stuck] = await waiting();
      expect(stuck?.query).toContain(`"${table}"`);
      controller.abort();
      await sent;
      // Cancelled at once, while the lock is still held: nothing waits any more, the backend is idle.
      expect(await until(async () => (await waiting()).length === 0, 2000)).toBe(true);
      await locker.query('select pg_stat_clear_snapshot()');
      const { rows } = await locker.query<{ state: string }>(
        'select state from pg_stat_activity where pid = $1',
        [stuck!.pid],
      );
      expect(rows[0]?.state).toBe('idle');
    } finally {
      await locker.query('rollback');
    }
    // The pool is whole: more requests than it has connections all answer as usual (409 for the variance of
    // an open count, 200 elsewhere), none with a 5xx.
    const answers = await Promise.all(Array.from({ length: 12 }, () => owner.get(path())));
    const codes = new Set(answers.map((a) => a.statusCode));
    expect(codes.size, answers[0]?.body).toBe(1);
    expect([...codes][0]).toBeLessThan(500);
  });
});
