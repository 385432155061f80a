import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Shared entries (establishment_id null) ship with the product; private ones belong to one establishment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('library_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('establishment_id', 'uuid', (c) => c.references('establishment.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('colour', 'text')
    .addColumn('producer', 'text')
    .addColumn('cuvee', 'text')
    .addColumn('appellation', 'text')
    .addColumn('region', 'text')
    .addColumn('country', 'text')
    .addColumn('grapes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('vintages', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('formats_cl', sql`numeric[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('subtype', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('library_entry_establishment_idx')
    .on('library_entry')
    .column('establishment_id')
    .execute();
  await sql`create index library_entry_search_trgm_idx on library_entry using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('library_entry').ifExists().execute();
}
