import type { Db } from '../../db/database.ts';
import { findAccountByEmail, type Account } from '../../db/repositories/accounts.ts';
import { clearFailures, reserveLoginAttempt } from '../../db/repositories/loginFailures.ts';
import { AppError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/clock.ts';
import { burnVerifyTime, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures per (e-mail, address), then per e-mail from all addresses together (an attacker has many). */
const LOGIN_LIMITS = { perPair: 10, perEmail: 20 } as const;

type LoginInput = { email: string; password: string; ip: string };

export const loginKey = (input: LoginInput) => ({ email: input.email.trim().toLowerCase(), ip: input.ip });

/**
 * Step one of a login, in its own short transaction (opened by the caller): the attempt is recorded before
 * the password is checked, so parallel guesses count at once.
 */
export async function reserveLogin(trx: Db, input: LoginInput, clock: Clock): Promise<string> {
  const now = clock.now();
  const reserved = await reserveLoginAttempt(
    trx,
    loginKey(input),
    new Date(now.getTime() - LOGIN_WINDOW_MS),
    now,
    LOGIN_LIMITS,
  );
  if (!reserved.allowed)
    throw new AppError('rate_limited', 'Trop de tentatives de connexion. Réessayez dans quelques minutes.', {
      retryAfterSeconds: LOGIN_WINDOW_MS / 1000,
    });
  return reserved.attemptId;
}

/** Step two: checks the password; the reserved attempt stays as a failure unless it is right. */
export async function signIn(
  db: Db,
  input: LoginInput & { attemptId: string },
  clock: Clock,
): Promise<{ account: Account; token: string; expiresAt: Date }> {
  const key = loginKey(input);
  const now = clock.now();
  const found = await findAccountByEmail(db, key.email);
  const ok = found
    ? await verifyPassword(found.passwordHash, input.password)
    : (await burnVerifyTime(input.password), false);
  // One message for a wrong email and a wrong password: no account enumeration.
  if (!found || !ok) throw new AppError('invalid_credentials', 'E-mail ou mot de passe incorrect');
  await clearFailures(db, key, input.attemptId, new Date(now.getTime() - LOGIN_WINDOW_MS));
  const session = await createSession(db, found.id, now);
  const { passwordHash: _hash, ...account } = found;
  return { account, ...session };
}
