import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database>;

export async function countRecentFailures(
  db: Db,
  key: { email: string; ip: string },
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom('login_failure')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', key.email)
    .where('ip', '=', key.ip)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function recordFailure(db: Db, key: { email: string; ip: string }, at: Date): Promise<void> {
  await db.insertInto('login_failure').values({ email: key.email, ip: key.ip, at }).execute();
}

export async function clearFailures(db: Db, key: { email: string; ip: string }, before: Date): Promise<void> {
  await db
    .deleteFrom('login_failure')
    .where((eb) =>
      eb.or([eb.and([eb('email', '=', key.email), eb('ip', '=', key.ip)]), eb('at', '<', before)]),
    )
    .execute();
}
