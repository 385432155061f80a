import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Days of one establishment (any till) still queued or running in pg-boss's own tables (schema `pgboss`). */
export async function pendingQueuedDays(
  db: Kysely<Database>,
  queue: string,
  establishmentId: string,
): Promise<string[]> {
  const result = await sql<{ day: string }>`
    select distinct data->>'day' as day from pgboss.job
    where name = ${queue} and state in ('created', 'retry', 'active')
      and data->>'establishmentId' = ${establishmentId}
    order by data->>'day'`.execute(db);
  return result.rows.map((r) => r.day);
}
