import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// A sales file's till: lines and products carry its id as till_id, like a connected till's.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sales_file_till')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('sales_file_till_pk', ['establishment_id', 'id'])
    .addUniqueConstraint('sales_file_till_name_uq', ['establishment_id', 'name'])
    .execute();

  await db.schema
    .createTable('sales_file_preset')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('sales_file_preset_pk', ['establishment_id', 'name'])
    .execute();

  await db.schema
    .createTable('sales_file_upload')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('till_id', 'uuid', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('preset_name', 'text')
    .addColumn('lines', 'integer', (c) => c.notNull())
    .addColumn('bad_lines', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull())
    .addColumn('revenue_cents', 'bigint', (c) => c.notNull())
    .addColumn('days', 'jsonb', (c) => c.notNull())
    .addColumn('bad', 'jsonb', (c) => c.notNull())
    .addColumn('account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('sales_file_upload_pk', ['establishment_id', 'id'])
    .addForeignKeyConstraint(
      'sales_file_upload_till_fk',
      ['establishment_id', 'till_id'],
      'sales_file_till',
      ['establishment_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('sales_file_upload_created_idx')
    .on('sales_file_upload')
    .columns(['establishment_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sales_file_upload', 'sales_file_preset', 'sales_file_till']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
