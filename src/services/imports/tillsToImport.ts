import type { Db } from '../../db/database.ts';
import { findTillConnection, listEstablishmentTills } from '../../db/repositories/tillConnections.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { removedTill } from '../tills/tillConnection.ts';
import type { ImportNightData } from './importQueue.ts';

/** The tills an import names: the one asked for (of this establishment, in use), or every till in use. */
export async function tillsToImport(
  db: Db,
  establishmentId: string,
  tillId?: string,
): Promise<{ id: string; name: string }[]> {
  if (tillId) {
    const till = await findTillConnection(db, establishmentId, tillId);
    if (!till) throw notFound('Caisse');
    if (till.archivedAt) throw removedTill();
    return [{ id: till.id, name: till.name }];
  }
  const tills = await listEstablishmentTills(db, establishmentId);
  if (tills.length === 0) throw new AppError('not_found', 'Aucune caisse en service dans cet établissement');
  return tills.map((t) => ({ id: t.id, name: t.name }));
}

/** A night queued before several tills named none: that night of every till in use (none: nothing to do). */
export async function nightsOfEveryTill(
  db: Db,
  night: Omit<ImportNightData, 'tillId'>,
): Promise<ImportNightData[]> {
  const tills = await listEstablishmentTills(db, night.establishmentId);
  return tills.map((t) => ({ ...night, tillId: t.id }));
}
