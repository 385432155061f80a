import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

type LoginKey = { email: string; ip: string };
type LoginLimits = { perPair: number; perEmail: number };

/**
 * Records a login attempt before the password is checked, unless the e-mail already has too many recent
 * ones, from this address or from all addresses together. Must run in a transaction: the advisory lock on the
 * e-mail serialises parallel attempts, so that no more than the limit are ever evaluated.
 */
export async function reserveLoginAttempt(
  trx: Db,
  key: LoginKey,
  since: Date,
  at: Date,
  limits: LoginLimits,
): Promise<{ allowed: true; attemptId: string } | { allowed: false }> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`login:${key.email}`}, 0))`.execute(trx);
  const row = await trx
    .selectFrom('login_failure')
    .select((eb) => [
      eb.fn.countAll<number>().as('perEmail'),
      eb.fn.count<number>('id').filterWhere('ip', '=', key.ip).as('perPair'),
    ])
    .where('email', '=', key.email)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(row.perPair) >= limits.perPair || Number(row.perEmail) >= limits.perEmail)
    return { allowed: false };
  const inserted = await trx
    .insertInto('login_failure')
    .values({ email: key.email, ip: key.ip, at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { allowed: true, attemptId: String(inserted.id) };
}

/** After a right password: forget this attempt and the pair's failures, and drop old rows of everyone. */
export async function clearFailures(db: Db, key: LoginKey, attemptId: string, before: Date): Promise<void> {
  await db
    .deleteFrom('login_failure')
    .where((eb) =>
      eb.or([
        eb('id', '=', Number(attemptId)),
        eb.and([eb('email', '=', key.email), eb('ip', '=', key.ip)]),
        eb('at', '<', before),
      ]),
    )
    .execute();
}
