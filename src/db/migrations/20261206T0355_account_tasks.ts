import { sql, type Kysely } from 'kysely';

// Frozen in time: this file never imports application code.
// Long work a member started (a supplier catalogue, a demo), run as a job: its state and progress for the UI.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_task')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_establishment', 'uuid')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('params', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('input', 'bytea')
    .addColumn('result', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('account_task_account_idx')
    .on('account_task')
    .columns(['account_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_task').execute();
}
