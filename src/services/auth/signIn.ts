import type { Db } from '../../db/database.ts';
import { findAccountByEmail, type Account } from '../../db/repositories/accounts.ts';
import { clearFailures, countRecentFailures, recordFailure } from '../../db/repositories/loginFailures.ts';
import { AppError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/clock.ts';
import { burnVerifyTime, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES = 10;

export async function signIn(
  db: Db,
  input: { email: string; password: string; ip: string },
  clock: Clock,
): Promise<{ account: Account; token: string; expiresAt: Date }> {
  const key = { email: input.email.trim().toLowerCase(), ip: input.ip };
  const now = clock.now();
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  if ((await countRecentFailures(db, key, windowStart)) >= MAX_FAILURES) {
    throw new AppError('rate_limited', 'Trop de tentatives de connexion. Réessayez dans quelques minutes.', {
      retryAfterSeconds: LOGIN_WINDOW_MS / 1000,
    });
  }
  const found = await findAccountByEmail(db, key.email);
  const ok = found
    ? await verifyPassword(found.passwordHash, input.password)
    : (await burnVerifyTime(input.password), false);
  if (!found || !ok) {
    await recordFailure(db, key, now);
    // One message for a wrong email and a wrong password: no account enumeration.
    throw new AppError('invalid_credentials', 'E-mail ou mot de passe incorrect');
  }
  await clearFailures(db, key, windowStart);
  const session = await createSession(db, found.id, now);
  const { passwordHash: _hash, ...account } = found;
  return { account, ...session };
}
