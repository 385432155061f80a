import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// The ledger of link changes (link, relink, factor, break) with who and when: the variance's "recent link or break".
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('till_link_event')
    .addColumn('establishment_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('till_product_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('link', 'relink', 'factor', 'unlink')`))
    .addColumn('drink_id', 'uuid')
    .addColumn('previous_drink_id', 'uuid')
    .addColumn('factor', sql`numeric(12,6)`)
    .addColumn('previous_factor', sql`numeric(12,6)`)
    .addColumn('account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('till_link_event_pk', ['establishment_id', 'id'])
    .addForeignKeyConstraint(
      'till_link_event_product_fk',
      ['establishment_id', 'till_product_id'],
      'till_product',
      ['establishment_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('till_link_event_at_idx')
    .on('till_link_event')
    .columns(['establishment_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('till_link_event').execute();
}
