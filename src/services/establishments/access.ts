import type { Db } from '../../db/database.ts';
import {
  findEstablishmentForMember,
  type EstablishmentWithRole,
} from '../../db/repositories/establishments.ts';
import type { Role } from '../../db/schema.ts';
import { forbidden, notFound } from '../../domain/errors.ts';

/** The tenant gate for every establishment route: a non-member gets 404, exactly as for an id that does not exist. */
export async function requireMembership(
  db: Db,
  establishmentId: string,
  accountId: string,
  allowedRoles: readonly Role[] = ['owner', 'manager', 'staff'],
): Promise<EstablishmentWithRole> {
  const establishment = await findEstablishmentForMember(db, establishmentId, accountId);
  if (!establishment) throw notFound('Établissement');
  if (!allowedRoles.includes(establishment.role)) throw forbidden();
  return establishment;
}

export const MANAGERS: readonly Role[] = ['owner', 'manager'];
export const OWNERS: readonly Role[] = ['owner'];
