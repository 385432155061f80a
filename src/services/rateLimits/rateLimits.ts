import type { Db } from '../../db/database.ts';
import { deleteExpiredRateLimits, hitRateLimit } from '../../db/repositories/rateLimits.ts';

/** One more hit on a limited action; the window is fixed from its first hit. */
export async function countHit(
  db: Db,
  key: string,
  now: Date,
  windowMs: number,
): Promise<{ hits: number; resetInMs: number }> {
  const { hits, expiresAt } = await hitRateLimit(db, key, now, new Date(now.getTime() + windowMs));
  return { hits, resetInMs: Math.max(0, expiresAt.getTime() - now.getTime()) };
}

/** Run on the planner's tick, like the sessions' purge. */
export async function purgeExpiredRateLimits(db: Db, now: Date): Promise<void> {
  await deleteExpiredRateLimits(db, now);
}
