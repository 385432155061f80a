import type { Db } from '../../db/database.ts';
import {
  establishmentExists,
  listEstablishmentsOf,
  listMembers,
  listPendingInvitations,
  type EstablishmentWithRole,
  type Invitation,
  type Member,
} from '../../db/repositories/establishments.ts';
import { requireMembership } from './access.ts';

/** The establishments an account belongs to, with its role in each. */
export function listMyEstablishments(db: Db, accountId: string): Promise<EstablishmentWithRole[]> {
  return listEstablishmentsOf(db, accountId);
}

/** One establishment as its member sees it (404 for anyone else). */
export function getEstablishment(
  db: Db,
  actorId: string,
  establishmentId: string,
): Promise<EstablishmentWithRole> {
  return requireMembership(db, establishmentId, actorId);
}

/** Members and pending invitations, for any member. */
export async function listTeam(
  db: Db,
  actorId: string,
  establishmentId: string,
): Promise<{ members: Member[]; invitations: Invitation[] }> {
  await requireMembership(db, establishmentId, actorId);
  const members = await listMembers(db, establishmentId);
  const invitations = await listPendingInvitations(db, establishmentId);
  return { members, invitations };
}

/** For the CLI, which acts as the operator rather than as a member. */
export function establishmentIsKnown(db: Db, establishmentId: string): Promise<boolean> {
  return establishmentExists(db, establishmentId);
}
