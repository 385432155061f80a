import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

/**
 * Counts one hit on `key` in one atomic upsert, so that parallel requests from several processes never
 * under-count: a fresh or expired window restarts at 1 and ends at `expiresAt`.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  now: Date,
  expiresAt: Date,
): Promise<{ hits: number; expiresAt: Date }> {
  const row = await db
    .insertInto('rate_limit')
    .values({ key, hits: 1, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when rate_limit.expires_at <= ${now} then 1 else rate_limit.hits + 1 end`,
        expires_at: sql<Date>`case when rate_limit.expires_at <= ${now} then ${expiresAt} else rate_limit.expires_at end`,
      }),
    )
    .returning(['hits', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), expiresAt: new Date(row.expires_at) };
}

export async function deleteExpiredRateLimits(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('rate_limit').where('expires_at', '<=', now).execute();
}
