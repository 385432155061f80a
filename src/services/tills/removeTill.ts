import type { Db } from '../../db/database.ts';
import { archiveTill, findTillConnection } from '../../db/repositories/tillConnections.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { OWNERS, requireMembership } from '../establishments/access.ts';
import { toView, type TillConnectionView } from './tillConnection.ts';

/**
 * Removes a till from use: the schedule stops reading it and its settings cannot change, but its products, links,
 * sales and import runs stay, read-only (the stock and revenue they explain do not move). Removing twice is a no-op.
 */
export async function removeTill(
  db: Db,
  actorId: string,
  establishmentId: string,
  tillId: string,
  clock: Clock,
): Promise<TillConnectionView> {
  await requireMembership(db, establishmentId, actorId, OWNERS);
  if (!(await findTillConnection(db, establishmentId, tillId))) throw notFound('Caisse');
  await archiveTill(db, establishmentId, tillId, clock.now());
  const removed = await findTillConnection(db, establishmentId, tillId);
  if (!removed) throw notFound('Caisse');
  return toView(removed);
}
