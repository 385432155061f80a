import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeOnBothDatabases, createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp, TestClient, waitForTask, type TestApp } from '../helpers/client.ts';

// A supplier catalogue is all or nothing (issue 10, fair use): its batches are staged with progress, then
// published in one transaction. A failure in the middle (here a real database error raised by a trigger on the
// Nth row) leaves the library as it was.
describeOnBothDatabases('supplier catalogue, all or nothing', (kind) => {
  let db: TestDatabase;
  let t: TestApp;
  let c: TestClient;
  let base: string;
  let establishmentId: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    t = await createTestApp(db);
    c = new TestClient(t.app);
    await c.signUp('cave@panne.fr');
    establishmentId = await c.createEstablishment('La Cave en Panne');
    base = `/api/establishments/${establishmentId}`;
    await sql`create function fail_on_panne() returns trigger language plpgsql as $$
      begin
        if coalesce(to_jsonb(new)->>'producer', to_jsonb(new)->'entry'->>'producer') = 'Maison Panne'
        then raise exception 'panne simulée'; end if;
        return new;
      end $$`.execute(db.db);
  });
  afterEach(async () => {
    await sql`drop trigger if exists panne on library_entry`.execute(db.db);
    await sql`drop trigger if exists panne on catalogue_staging`.execute(db.db);
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
  });

  /** 1,200 good lines with 'Maison Panne' at line `at` (the 3rd batch of 500 starts at entry 1,000). */
  const importWithBreakdownAt = async (at: number) => {
    const lines = ['Domaine;Cuvée;Millésime'];
    for (let i = 0; i < 1200; i++)
      lines.push(`${i === at ? 'Maison Panne' : `Maison ${at}-${i}`};Cuvée ${i};2020`);
    const res = await c.post(`${base}/library/import`, {
      csv: lines.join('\n'),
      mapping: { producer: 'Domaine', cuvee: 'Cuvée', vintage: 'Millésime' },
    });
    expect(res.statusCode, res.body).toBe(202);
    return waitForTask(c, res.json<{ taskId: string }>().taskId);
  };
  // The hook is a real trigger of PL/pgSQL, created per case (where the error strikes); it does not mock the database.
  const breakOn = async (table: 'library_entry' | 'catalogue_staging') =>
    sql`create trigger panne before insert on ${sql.table(table)} for each row execute function fail_on_panne()`.execute(
      db.db,
    );
  const written = async () =>
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from library_entry where establishment_id = ${establishmentId}`.execute(
        db.db,
      )
    ).rows[0]?.n;
  const staged = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from catalogue_staging`.execute(db.db)).rows[0]?.n;

  it('writes nothing when a batch fails in the middle, after two batches were staged and reported', async () => {
    await breakOn('catalogue_staging');
    const task = await importWithBreakdownAt(1100);
    expect(task).toMatchObject({ state: 'failed', done: 1000, total: 1200 });
    expect(await written()).toBe(0);
    expect(await staged()).toBe(0);
  });

  it('writes nothing when publishing fails on a row in the middle (the batch writes of old kept 500)', async () => {
    await breakOn('library_entry');
    const task = await importWithBreakdownAt(700);
    expect(task).toMatchObject({ state: 'failed', done: 1200, total: 1200 });
    expect(await written()).toBe(0);
    expect(await staged()).toBe(0);
  });

  it('publishes all of it when nothing fails, with the same entries as before the staging', async () => {
    const task = await importWithBreakdownAt(-1);
    expect(task).toMatchObject({ state: 'succeeded', done: 1200, total: 1200, result: { imported: 1200 } });
    expect(await written()).toBe(1200);
    expect(await staged()).toBe(0);
    const one = await db.db
      .selectFrom('library_entry')
      .select(['producer', 'cuvee', 'vintages', 'source', 'grapes', 'formats_cl', 'name', 'search_text'])
      .where('establishment_id', '=', establishmentId)
      .where('producer', '=', 'Maison -1-7')
      .executeTakeFirstOrThrow();
    expect(one).toMatchObject({
      producer: 'Maison -1-7',
      cuvee: 'Cuvée 7',
      vintages: [2020],
      source: 'supplier',
    });
    expect(one.search_text).toContain('maison');
  });
});
