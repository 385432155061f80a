import type { Db } from '../../db/database.ts';
import { acceptInvitationsFor } from '../../db/repositories/establishments.ts';

/**
 * An existing account takes up its pending invitations when it signs in or its session is read (the web app
 * reads it on load): invitations are never turned into memberships when they are sent, so that the inviter
 * cannot tell an e-mail with an account from one without. The caller opens the transaction.
 */
export async function acceptPendingInvitations(
  db: Db,
  account: { id: string; email: string },
  now: Date,
): Promise<number> {
  return acceptInvitationsFor(db, account.email, account.id, now);
}
