import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// What the matcher learns: one lesson per establishment and label, one catalogue profile per till connection.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('match_lesson')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('label_key', 'text', (c) => c.notNull())
    .addColumn('library_entry_id', 'text')
    .addColumn('words', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('taught_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('match_lesson_pk', ['establishment_id', 'label_key'])
    .execute();
  await db.schema
    .createIndex('match_lesson_entry_idx')
    .on('match_lesson')
    .columns(['label_key', 'library_entry_id'])
    .execute();
  await db.schema
    .createTable('till_catalogue_profile')
    .addColumn('till_id', 'uuid', (c) => c.primaryKey().references('till_connection.id').onDelete('cascade'))
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('catalogue_version', 'text', (c) => c.notNull())
    .addColumn('profile', 'jsonb', (c) => c.notNull())
    .addColumn('built_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('till_catalogue_profile').execute();
  await db.schema.dropTable('match_lesson').execute();
}
