import type { Db } from '../../db/database.ts';
import { findAccountByEmail } from '../../db/repositories/accounts.ts';
import { insertMembership, upsertInvitation } from '../../db/repositories/establishments.ts';
import type { Role } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { MANAGERS, requireMembership } from './access.ts';

/** The same answer whether the e-mail has an account or not: inviting does not probe for accounts. */
export type InviteResult = { status: 'invited'; email: string };

/**
 * An existing account joins at once (a member keeps the role they have: roles change only through
 * changeMemberRole); an unknown email gets a pending invitation taken up when it signs up. The caller opens the
 * transaction.
 */
export async function inviteMember(
  db: Db,
  actorId: string,
  establishmentId: string,
  input: { email: string; role: Role },
): Promise<InviteResult> {
  const actor = await requireMembership(db, establishmentId, actorId, MANAGERS);
  if (input.role === 'owner' && actor.role !== 'owner') {
    throw new AppError('forbidden', 'Seul un propriétaire peut inviter un propriétaire');
  }
  const email = input.email.trim().toLowerCase();
  const account = await findAccountByEmail(db, email);
  if (account) await insertMembership(db, { establishmentId, accountId: account.id, role: input.role });
  else await upsertInvitation(db, { establishmentId, email, role: input.role, invitedBy: actorId });
  return { status: 'invited', email };
}
