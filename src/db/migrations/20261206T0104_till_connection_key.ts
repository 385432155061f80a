import { sql, type Kysely } from 'kysely';

// Distribution by establishment (docs/scaling.md): a unique key on a tenant table must begin with establishment_id.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table till_connection drop constraint till_connection_id_key`.execute(db);
  await sql`alter table till_connection add constraint till_connection_id_key unique (establishment_id, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table till_connection drop constraint till_connection_id_key`.execute(db);
  await sql`alter table till_connection add constraint till_connection_id_key unique (id)`.execute(db);
}
