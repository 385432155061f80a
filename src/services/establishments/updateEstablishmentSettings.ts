import type { Db } from '../../db/database.ts';
import { updateEstablishment, type EstablishmentWithRole } from '../../db/repositories/establishments.ts';
import type { EstablishmentInput } from './createEstablishment.ts';
import { MANAGERS, requireMembership } from './access.ts';

export async function updateEstablishmentSettings(
  db: Db,
  actorId: string,
  establishmentId: string,
  input: Partial<EstablishmentInput>,
): Promise<EstablishmentWithRole> {
  const current = await requireMembership(db, establishmentId, actorId, MANAGERS);
  const updated = await updateEstablishment(db, establishmentId, { ...input, name: input.name?.trim() });
  return { ...(updated ?? current), role: current.role };
}
