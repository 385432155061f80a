import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../helpers/databases.ts';
import { distributionProblems } from '../helpers/distribution.ts';

// Citus-readiness (docs/scaling.md): every tenant table is keyed and joined by establishment_id.
describeOnBothDatabases('schema ready to distribute by establishment', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(() => db.drop());

  it('every tenant key and foreign key begins with establishment_id', async () => {
    expect(await distributionProblems(db.db)).toEqual([]);
  });

  it('names a deliberately wrong table of a scratch migration', async () => {
    const problems = await db.db
      .transaction()
      .execute(async (trx) => {
        await sql`create table scratch_wrong (
          establishment_id uuid not null, id uuid primary key, drink_id uuid not null, code text unique)`.execute(
          trx,
        );
        await sql`create unique index scratch_wrong_drink on scratch_wrong (drink_id)`.execute(trx);
        await sql`create table scratch_child (establishment_id uuid not null, wrong_id uuid references scratch_wrong (id),
          primary key (establishment_id, wrong_id))`.execute(trx);
        await sql`create table scratch_global (id int primary key)`.execute(trx);
        const found = await distributionProblems(trx);
        throw Object.assign(new Error('rollback'), { found });
      })
      .catch((e: { found?: string[] }) => e.found ?? []);
    expect(problems).toEqual(
      expect.arrayContaining([
        'scratch_wrong: scratch_wrong_pkey does not begin with establishment_id',
        'scratch_wrong: scratch_wrong_code_key does not begin with establishment_id',
        'scratch_wrong: unique index scratch_wrong_drink does not begin with establishment_id',
        'scratch_child: foreign key scratch_child_wrong_id_fkey to scratch_wrong does not join on establishment_id (co-location)',
        'scratch_global: no establishment_id and not listed as a reference table',
      ]),
    );
    expect(problems.every((p) => p.startsWith('scratch_'))).toBe(true);
    expect(await distributionProblems(db.db)).toEqual([]);
  });
});
