import type { Db } from '../../db/database.ts';
import { isMemberEmail, upsertInvitation } from '../../db/repositories/establishments.ts';
import type { Role } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { MANAGERS, requireMembership } from './access.ts';

/** The same answer whether the e-mail has an account or not: inviting does not probe for accounts. */
type InviteResult = { status: 'invited'; email: string };

/**
 * Every invitation is pending, whether or not the e-mail has an account, so that neither the answer nor the
 * member list tells the inviter which e-mails have one. An existing account takes it up at its next sign-in or
 * session read (acceptPendingInvitations), a new one at sign-up. Someone already a member keeps the role they
 * have (roles change only through changeMemberRole), and nothing is recorded: the member list already shows
 * them. The caller opens the transaction.
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
  if (!(await isMemberEmail(db, establishmentId, email))) {
    await upsertInvitation(db, { establishmentId, email, role: input.role, invitedBy: actorId });
  }
  return { status: 'invited', email };
}
