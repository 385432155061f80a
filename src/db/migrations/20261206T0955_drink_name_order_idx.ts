import { sql, type Kysely } from 'kysely';

// The cellar's default order (by name, then vintage) for the drinks in use: the first page of 20,000 drinks is read
// from this index instead of sorting them all on every request.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index drink_name_order_idx on drink
      (establishment_id, lower(coalesce(producer, cuvee, appellation, '')), vintage, id)
    where archived_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists drink_name_order_idx`.execute(db);
}
