import type { Db } from '../../db/database.ts';
import { findAccountById, updateAccountPassword } from '../../db/repositories/accounts.ts';
import { deleteAccountSessions } from '../../db/repositories/sessions.ts';
import { clearFailures } from '../../db/repositories/loginFailures.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, invalidField } from '../../domain/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { hashToken } from './sessions.ts';
import { LOGIN_WINDOW_MS, loginKey } from './signIn.ts';

type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
  /** The attempt reserved by reserveLogin: a wrong current password counts as a failed login. */
  attempt: { ip: string; attemptId: string };
};

/**
 * The current password proves it is the owner at the keyboard, not someone with a borrowed session. The new
 * hash is Argon2id; every other session of the account ends, the one asking stays. The caller opens the
 * transaction, so a failure changes nothing; guesses of the current password share the login limit.
 */
export async function changePassword(
  db: Db,
  accountId: string,
  currentToken: string,
  input: ChangePasswordInput,
  clock: Clock,
): Promise<{ endedSessions: number }> {
  const account = await findAccountById(db, accountId);
  if (!account) throw new AppError('unauthenticated', 'Session expirée : reconnectez-vous');
  if (!(await verifyPassword(account.passwordHash, input.currentPassword)))
    throw invalidField('currentPassword', 'Mot de passe actuel incorrect');
  const key = loginKey({ email: account.email, password: '', ip: input.attempt.ip });
  const now = clock.now();
  await clearFailures(db, key, input.attempt.attemptId, new Date(now.getTime() - LOGIN_WINDOW_MS));
  await updateAccountPassword(db, accountId, await hashPassword(input.newPassword));
  const endedSessions = await deleteAccountSessions(db, accountId, hashToken(currentToken));
  return { endedSessions };
}
