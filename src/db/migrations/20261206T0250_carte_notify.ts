import { sql, type Kysely } from 'kysely';

// The stamp bump also notifies 'carte_stamp' with the establishment id: an embedded cache learns of a change at
// commit without a read per hit.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function carte_touch() returns trigger language plpgsql as $$
    begin
      insert into carte_stamp as s (establishment_id, version)
        select distinct establishment_id, 1 from changed
      on conflict (establishment_id) do update set version = s.version + 1;
      perform pg_notify('carte_stamp', e.establishment_id::text)
        from (select distinct establishment_id from changed) e;
      return null;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function carte_touch() returns trigger language plpgsql as $$
    begin
      insert into carte_stamp as s (establishment_id, version)
        select distinct establishment_id, 1 from changed
      on conflict (establishment_id) do update set version = s.version + 1;
      return null;
    end $$`.execute(db);
}
