import { sql, type Kysely } from 'kysely';

// Tables whose changes can alter a published wine list; each bumps the establishment's carte_stamp.
const WATCHED = [
  'stock_movement',
  'till_link',
  'till_product',
  'drink',
  'import_run',
  'wine_list',
  'wine_list_item',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wine_list')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('header_name', 'text', (c) => c.notNull())
    .addColumn('header_address', 'text')
    .addColumn('low_stock_threshold', sql`numeric(12,3)`)
    .addColumn('manual_order', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('section_order', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('logo_png', 'bytea')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('wine_list_pk', ['establishment_id', 'id'])
    .execute();

  await db.schema
    .createTable('wine_list_item')
    .addColumn('establishment_id', 'uuid', (c) => c.notNull())
    .addColumn('wine_list_id', 'uuid', (c) => c.notNull())
    .addColumn('drink_id', 'uuid', (c) => c.notNull())
    .addColumn('section', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('manual_price_cents', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('wine_list_item_pk', ['establishment_id', 'wine_list_id', 'drink_id'])
    .addForeignKeyConstraint(
      'wine_list_item_list_fk',
      ['establishment_id', 'wine_list_id'],
      'wine_list',
      ['establishment_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'wine_list_item_drink_fk',
      ['establishment_id', 'drink_id'],
      'drink',
      ['establishment_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  // One version per establishment, bumped in the writing transaction, so a cached page can check freshness.
  // No foreign key: a cascade delete of an establishment fires the triggers after its row is gone.
  await db.schema
    .createTable('carte_stamp')
    .addColumn('establishment_id', 'uuid', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();

  await sql`
    create function carte_touch() returns trigger language plpgsql as $$
    begin
      insert into carte_stamp as s (establishment_id, version)
        select distinct establishment_id, 1 from changed
      on conflict (establishment_id) do update set version = s.version + 1;
      return null;
    end $$`.execute(db);

  for (const table of WATCHED) {
    for (const [event, ref] of [
      ['insert', 'new'],
      ['update', 'new'],
      ['delete', 'old'],
    ] as const) {
      await sql
        .raw(
          `create trigger ${table}_carte_${event} after ${event} on ${table} ` +
            `referencing ${ref} table as changed for each statement execute function carte_touch()`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of WATCHED)
    for (const event of ['insert', 'update', 'delete'])
      await sql.raw(`drop trigger if exists ${table}_carte_${event} on ${table}`).execute(db);
  await sql`drop function if exists carte_touch()`.execute(db);
  await db.schema.dropTable('carte_stamp').ifExists().execute();
  await db.schema.dropTable('wine_list_item').ifExists().execute();
  await db.schema.dropTable('wine_list').ifExists().execute();
}
