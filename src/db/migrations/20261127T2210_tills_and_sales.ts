import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('till_connection')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.primaryKey().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) =>
      c
        .notNull()
        .unique()
        .defaultTo(sql`gen_random_uuid()`),
    )
    .addColumn('till_type', 'text', (c) => c.notNull().check(sql`till_type in ('asterio')`))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('kmlcode', 'text', (c) => c.notNull())
    .addColumn('site_code', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('password_encrypted', 'text', (c) => c.notNull())
    .addColumn('is_simulator', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('untested')
        .check(sql`status in ('untested', 'ok', 'failing', 'refused')`),
    )
    .addColumn('status_code', 'text')
    .addColumn('status_message', 'text')
    .addColumn('site_name', 'text')
    .addColumn('last_tested_at', 'timestamptz')
    .addColumn('last_import_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('till_product')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('till_id', 'uuid', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('family', 'text')
    .addColumn('vat_rate', sql`numeric(5,2)`)
    .addColumn('price_cents', 'integer')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('first_seen_on', 'date', (c) => c.notNull())
    .addColumn('last_seen_on', 'date', (c) => c.notNull())
    .addColumn('label_changed_on', 'date')
    .addColumn('ignored_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('till_product_pk', ['establishment_id', 'id'])
    .addUniqueConstraint('till_product_external_uq', ['establishment_id', 'till_id', 'external_id'])
    .execute();

  await db.schema
    .createTable('till_product_label')
    .addColumn('establishment_id', 'uuid', (c) => c.notNull())
    .addColumn('till_product_id', 'uuid', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('till_product_label_pk', ['establishment_id', 'till_product_id', 'valid_from'])
    .addForeignKeyConstraint(
      'till_product_label_fk',
      ['establishment_id', 'till_product_id'],
      'till_product',
      ['establishment_id', 'id'],
    )
    .execute();

  // Sale lines are partitioned by month of business day; partitions are created on demand by the importer.
  await sql`
    create table sale_line (
      establishment_id uuid not null,
      till_id uuid not null,
      business_day date not null,
      ticket_id text not null,
      line_id text not null,
      till_product_id uuid not null,
      sold_at timestamptz not null,
      label text not null,
      quantity numeric(12,3) not null,
      amount_cents integer not null,
      amount_excl_tax_cents integer,
      discount_cents integer,
      import_run_id uuid,
      primary key (establishment_id, till_id, business_day, ticket_id, line_id)
    ) partition by range (business_day)`.execute(db);
  await sql`create table sale_line_default partition of sale_line default`.execute(db);
  await sql`create index sale_line_product_idx on sale_line (establishment_id, till_product_id, sold_at)`.execute(
    db,
  );

  await db.schema
    .createTable('sale_quarantine')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('till_id', 'uuid', (c) => c.notNull())
    .addColumn('business_day', 'date', (c) => c.notNull())
    .addColumn('ticket_id', 'text')
    .addColumn('line_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raw', 'jsonb')
    .addColumn('import_run_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('sale_quarantine_pk', ['establishment_id', 'id'])
    .execute();
  await db.schema
    .createIndex('sale_quarantine_day_idx')
    .on('sale_quarantine')
    .columns(['establishment_id', 'till_id', 'business_day'])
    .execute();

  await db.schema
    .createTable('import_run')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('business_day', 'date', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('running', 'succeeded', 'partial', 'waiting', 'failed')`),
    )
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('duration_ms', 'integer')
    .addColumn('products_new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('products_changed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tickets', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lines', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lines_new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lines_changed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lines_removed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quarantined', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('depleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revenue_cents', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addPrimaryKeyConstraint('import_run_pk', ['establishment_id', 'id'])
    .execute();
  await db.schema
    .createIndex('import_run_day_idx')
    .on('import_run')
    .columns(['establishment_id', 'business_day', 'started_at'])
    .execute();

  // A link: one till product to at most one drink; factor = fraction of the drink one till unit takes.
  await db.schema
    .createTable('till_link')
    .addColumn('establishment_id', 'uuid', (c) => c.notNull())
    .addColumn('till_product_id', 'uuid', (c) => c.notNull())
    .addColumn('drink_id', 'uuid', (c) => c.notNull())
    .addColumn('factor', sql`numeric(12,6)`, (c) => c.notNull().check(sql`factor > 0 and factor <= 1000`))
    .addColumn('linked_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('till_link_pk', ['establishment_id', 'till_product_id'])
    .addForeignKeyConstraint(
      'till_link_product_fk',
      ['establishment_id', 'till_product_id'],
      'till_product',
      ['establishment_id', 'id'],
    )
    .addForeignKeyConstraint('till_link_drink_fk', ['establishment_id', 'drink_id'], 'drink', [
      'establishment_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('till_link_drink_idx')
    .on('till_link')
    .columns(['establishment_id', 'drink_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'till_link',
    'import_run',
    'sale_quarantine',
    'sale_line',
    'till_product_label',
    'till_product',
    'till_connection',
  ]) {
    await db.schema.dropTable(table).ifExists().cascade().execute();
  }
}
