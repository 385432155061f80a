import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// A supplier catalogue is written here batch by batch (short transactions, progress between them), then moved
// into library_entry in one transaction: the library gets all of a catalogue or none of it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table catalogue_staging (
    task_id uuid not null references account_task (id) on delete cascade,
    entry jsonb not null
  )`.execute(db);
  await sql`create index catalogue_staging_task_idx on catalogue_staging (task_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists catalogue_staging`.execute(db);
}
