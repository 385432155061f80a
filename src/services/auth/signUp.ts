import type { Db } from '../../db/database.ts';
import { findAccountByEmail, insertAccount, type Account } from '../../db/repositories/accounts.ts';
import { acceptInvitationsFor } from '../../db/repositories/establishments.ts';
import { AppError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/clock.ts';
import { hashPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

type SignUpInput = {
  email: string;
  password: string;
  displayName?: string | undefined;
  locale?: 'fr' | 'en' | undefined;
};

export async function signUp(
  db: Db,
  input: SignUpInput,
  clock: Clock,
): Promise<{ account: Account; token: string; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  if (await findAccountByEmail(db, email))
    throw new AppError('email_taken', 'Un compte existe déjà avec cet e-mail');
  const created = await insertAccount(db, {
    email,
    passwordHash,
    displayName: input.displayName?.trim() || null,
    locale: input.locale ?? 'fr',
  });
  await acceptInvitationsFor(db, email, created.id, clock.now());
  const session = await createSession(db, created.id, clock.now());
  const { passwordHash: _hash, ...account } = created;
  return { account, ...session };
}
