import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Count sessions (inventaires), their merged lines, their ledger, variance reasons, and receipt prices for CMUP.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('count_session')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cutoff_at', 'timestamptz', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) =>
      c.notNull().check(sql`scope_kind in ('all', 'location', 'categories')`),
    )
    .addColumn('scope_location', 'text')
    .addColumn('scope_types', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('blind', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('uncounted_zero', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reason_threshold_cents', 'integer', (c) => c.notNull().defaultTo(2000))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addPrimaryKeyConstraint('count_session_pk', ['establishment_id', 'id'])
    .execute();
  await db.schema
    .createIndex('count_session_cutoff_idx')
    .on('count_session')
    .columns(['establishment_id', 'cutoff_at'])
    .execute();

  // One line per drink and location: two counters at one location overwrite (the later wins); locations add up.
  await db.schema
    .createTable('count_line')
    .addColumn('establishment_id', 'uuid', (c) => c.notNull())
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('drink_id', 'uuid', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('quantity', sql`numeric(12,3)`, (c) => c.notNull().check(sql`quantity >= 0`))
    .addColumn('counted_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('counted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('previous_quantity', sql`numeric(12,3)`)
    .addColumn('previous_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addPrimaryKeyConstraint('count_line_pk', ['establishment_id', 'session_id', 'drink_id', 'location'])
    .addForeignKeyConstraint('count_line_session_fk', ['establishment_id', 'session_id'], 'count_session', [
      'establishment_id',
      'id',
    ])
    .addForeignKeyConstraint('count_line_drink_fk', ['establishment_id', 'drink_id'], 'drink', [
      'establishment_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('count_event')
    .addColumn('establishment_id', 'uuid', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('drink_id', 'uuid')
    .addColumn('account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addPrimaryKeyConstraint('count_event_pk', ['establishment_id', 'seq'])
    .addForeignKeyConstraint('count_event_session_fk', ['establishment_id', 'session_id'], 'count_session', [
      'establishment_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('count_event_session_idx')
    .on('count_event')
    .columns(['establishment_id', 'session_id', 'seq'])
    .execute();

  await db.schema
    .createTable('variance_reason')
    .addColumn('establishment_id', 'uuid', (c) =>
      c.notNull().references('establishment.id').onDelete('cascade'),
    )
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('archived_at', 'timestamptz')
    .addPrimaryKeyConstraint('variance_reason_pk', ['establishment_id', 'id'])
    .execute();

  await db.schema
    .createTable('count_variance_note')
    .addColumn('establishment_id', 'uuid', (c) => c.notNull())
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('drink_id', 'uuid', (c) => c.notNull())
    .addColumn('reason_id', 'uuid', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('count_variance_note_pk', ['establishment_id', 'session_id', 'drink_id'])
    .addForeignKeyConstraint(
      'count_variance_note_session_fk',
      ['establishment_id', 'session_id'],
      'count_session',
      ['establishment_id', 'id'],
    )
    .addForeignKeyConstraint(
      'count_variance_note_reason_fk',
      ['establishment_id', 'reason_id'],
      'variance_reason',
      ['establishment_id', 'id'],
    )
    .execute();

  // Receipts carry a unit purchase price and an optional supplier; counts written by a session name it.
  await db.schema
    .alterTable('stock_movement')
    .addColumn('unit_cost_cents', sql`numeric(12,2)`, (c) => c.check(sql`unit_cost_cents >= 0`))
    .addColumn('supplier', 'text')
    .addColumn('count_session_id', 'uuid')
    .execute();

  // CMUP history: the weighted average unit cost of a drink from valid_from on, one row per priced receipt.
  await db.schema
    .createTable('drink_cost')
    .addColumn('establishment_id', 'uuid', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('drink_id', 'uuid', (c) => c.notNull())
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    .addColumn('unit_cost_cents', sql`numeric(12,2)`, (c) => c.notNull())
    .addColumn('stock_before', sql`numeric(12,3)`, (c) => c.notNull())
    .addColumn('received', sql`numeric(12,3)`, (c) => c.notNull())
    .addColumn('receipt_price_cents', sql`numeric(12,2)`, (c) => c.notNull())
    .addPrimaryKeyConstraint('drink_cost_pk', ['establishment_id', 'seq'])
    .addForeignKeyConstraint('drink_cost_drink_fk', ['establishment_id', 'drink_id'], 'drink', [
      'establishment_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('drink_cost_drink_idx')
    .on('drink_cost')
    .columns(['establishment_id', 'drink_id', 'valid_from'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('drink_cost').ifExists().execute();
  await db.schema
    .alterTable('stock_movement')
    .dropColumn('unit_cost_cents')
    .dropColumn('supplier')
    .dropColumn('count_session_id')
    .execute();
  for (const table of [
    'count_variance_note',
    'variance_reason',
    'count_event',
    'count_line',
    'count_session',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
