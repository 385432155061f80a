import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// A connection may now be a HubRise location: domain holds the API origin, kmlcode the location id, site_code the
// catalog id ('' for the location's own), password_encrypted the sealed access token, identifier stays ''.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table till_connection drop constraint if exists till_connection_till_type_check`.execute(
    db,
  );
  await sql`alter table till_connection add constraint till_connection_till_type_check
    check (till_type in ('asterio', 'hubrise'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // HubRise connections cannot be expressed before this migration; their sales and links stay.
  await sql`delete from till_connection where till_type = 'hubrise'`.execute(db);
  await sql`alter table till_connection drop constraint if exists till_connection_till_type_check`.execute(
    db,
  );
  await sql`alter table till_connection add constraint till_connection_till_type_check
    check (till_type in ('asterio'))`.execute(db);
}
