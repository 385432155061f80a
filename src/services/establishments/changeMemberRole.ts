import type { Db } from '../../db/database.ts';
import { lockMemberRoles, setMemberRole } from '../../db/repositories/establishments.ts';
import type { Role } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import { OWNERS, requireMembership } from './access.ts';

/**
 * Owners change roles, their own included, but the establishment always keeps an owner. Runs in the caller's
 * transaction; the memberships are locked so that two owners demoting each other cannot both succeed.
 */
export async function changeMemberRole(
  db: Db,
  actorId: string,
  establishmentId: string,
  input: { accountId: string; role: Role },
): Promise<{ accountId: string; role: Role }> {
  await requireMembership(db, establishmentId, actorId, OWNERS);
  const members = await lockMemberRoles(db, establishmentId);
  // Checked again under the lock: an owner demoted a moment ago by another owner cannot act any more.
  if (members.find((m) => m.accountId === actorId)?.role !== 'owner') throw forbidden();
  const target = members.find((m) => m.accountId === input.accountId);
  if (!target) throw notFound('Membre');
  const owners = members.filter((m) => m.role === 'owner').length;
  if (target.role === 'owner' && input.role !== 'owner' && owners <= 1)
    throw new AppError('conflict', 'L’établissement doit garder au moins un propriétaire');
  await setMemberRole(db, { establishmentId, accountId: input.accountId, role: input.role });
  return { accountId: input.accountId, role: input.role };
}
