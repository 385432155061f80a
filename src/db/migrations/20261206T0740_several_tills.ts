import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Several tills per establishment (a bar and a restaurant, or a change of till): till_connection is keyed by
// (establishment_id, id) and named; a removed till is archived, never deleted, so its products, links and sales
// stay. The catalogue profile is keyed and joined by (establishment_id, till_id), which lets till_connection drop
// its unique id. Import runs say which till they read.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table till_connection add column name text not null default 'Caisse'`.execute(db);
  await sql`alter table till_connection add column archived_at timestamptz`.execute(db);
  await sql`update till_connection set name = case till_type when 'hubrise' then 'HubRise' else 'Astério' end`.execute(
    db,
  );

  await sql`alter table till_catalogue_profile drop constraint till_catalogue_profile_till_id_fkey`.execute(
    db,
  );
  await sql`alter table till_catalogue_profile drop constraint till_catalogue_profile_pkey`.execute(db);
  await sql`alter table till_connection drop constraint till_connection_pkey`.execute(db);
  await sql`alter table till_connection add constraint till_connection_pkey primary key (establishment_id, id)`.execute(
    db,
  );
  await sql`alter table till_connection drop constraint till_connection_id_key`.execute(db);
  await sql`alter table till_catalogue_profile
    add constraint till_catalogue_profile_pkey primary key (establishment_id, till_id)`.execute(db);
  await sql`alter table till_catalogue_profile add constraint till_catalogue_profile_till_fk
    foreign key (establishment_id, till_id) references till_connection (establishment_id, id) on delete cascade`.execute(
    db,
  );
  // Two tills in use never share a name: the work list and the imports page tell them apart by it.
  await sql`create unique index till_connection_name_uq on till_connection (establishment_id, lower(name))
    where archived_at is null`.execute(db);

  await sql`alter table import_run add column till_id uuid`.execute(db);
  await sql`update import_run r set till_id = c.id from till_connection c
    where c.establishment_id = r.establishment_id`.execute(db);
  await sql`create index import_run_till_day_idx on import_run (establishment_id, till_id, business_day)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists import_run_till_day_idx`.execute(db);
  await sql`alter table import_run drop column till_id`.execute(db);
  // One till per establishment again: the most recent one in use (else the latest) stays; the others' sales stay.
  await sql`delete from till_connection c where exists (
    select 1 from till_connection o where o.establishment_id = c.establishment_id and o.id <> c.id
      and (o.archived_at is null, o.created_at, o.id) > (c.archived_at is null, c.created_at, c.id))`.execute(
    db,
  );
  await sql`drop index if exists till_connection_name_uq`.execute(db);
  await sql`alter table till_catalogue_profile drop constraint till_catalogue_profile_till_fk`.execute(db);
  await sql`alter table till_catalogue_profile drop constraint till_catalogue_profile_pkey`.execute(db);
  await sql`alter table till_connection drop constraint till_connection_pkey`.execute(db);
  await sql`alter table till_connection add constraint till_connection_id_key unique (id)`.execute(db);
  await sql`alter table till_connection add constraint till_connection_pkey primary key (establishment_id)`.execute(
    db,
  );
  await sql`alter table till_catalogue_profile add constraint till_catalogue_profile_pkey primary key (till_id)`.execute(
    db,
  );
  await sql`alter table till_catalogue_profile add constraint till_catalogue_profile_till_id_fkey
    foreign key (till_id) references till_connection (id) on delete cascade`.execute(db);
  await sql`alter table till_connection drop column archived_at`.execute(db);
  await sql`alter table till_connection drop column name`.execute(db);
}
