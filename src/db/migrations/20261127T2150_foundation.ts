import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Tenant tables carry establishment_id in their primary key so that the schema can be distributed by it (Citus).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable('account')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('fr'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_account_idx').on('session').column('account_id').execute();

  await db.schema
    .createTable('login_failure')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_failure_key_idx')
    .on('login_failure')
    .columns(['email', 'ip', 'at'])
    .execute();

  await db.schema
    .createTable('establishment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Paris'))
    .addColumn('day_cutoff_hour', 'smallint', (c) => c.notNull().defaultTo(4))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('membership')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'manager', 'staff')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('membership_pk', ['establishment_id', 'account_id'])
    .execute();
  await db.schema.createIndex('membership_account_idx').on('membership').column('account_id').execute();

  await db.schema
    .createTable('invitation')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'manager', 'staff')`))
    .addColumn('invited_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('accepted_at', 'timestamptz')
    .addPrimaryKeyConstraint('invitation_pk', ['establishment_id', 'id'])
    .execute();
  await sql`create unique index invitation_pending_idx on invitation (establishment_id, email) where accepted_at is null`.execute(
    db,
  );
  await db.schema.createIndex('invitation_email_idx').on('invitation').column('email').execute();

  await db.schema
    .createTable('appellation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sign', 'text', (c) => c.notNull())
    .addColumn('wine_region', 'text')
    .addColumn('colours', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('alt_names', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('drink')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('library_entry_id', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('colour', 'text')
    .addColumn('producer', 'text')
    .addColumn('cuvee', 'text')
    .addColumn('appellation_id', 'text', (c) => c.references('appellation.id'))
    .addColumn('appellation', 'text')
    .addColumn('region', 'text')
    .addColumn('country', 'text')
    .addColumn('grapes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('vintage', 'smallint')
    .addColumn('format_cl', sql`numeric(7,2)`, (c) => c.notNull())
    .addColumn('purchase_price_cents', 'integer')
    .addColumn('sale_price_cents', 'integer')
    .addColumn('location', 'text')
    .addColumn('min_stock', sql`numeric(12,3)`)
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('drink_pk', ['establishment_id', 'id'])
    .execute();
  await sql`create index drink_search_trgm_idx on drink using gin (search_text gin_trgm_ops)`.execute(db);
  await db.schema
    .createIndex('drink_list_idx')
    .on('drink')
    .columns(['establishment_id', 'archived_at', 'producer'])
    .execute();

  await db.schema
    .createTable('stock_movement')
    .addColumn('establishment_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('drink_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('receipt', 'loss', 'adjustment', 'count')`),
    )
    .addColumn('quantity', sql`numeric(12,3)`, (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('stock_movement_pk', ['establishment_id', 'id'])
    .addForeignKeyConstraint('stock_movement_drink_fk', ['establishment_id', 'drink_id'], 'drink', [
      'establishment_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('stock_movement_drink_idx')
    .on('stock_movement')
    .columns(['establishment_id', 'drink_id', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'stock_movement',
    'drink',
    'appellation',
    'invitation',
    'membership',
    'establishment',
    'login_failure',
    'session',
    'account',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
