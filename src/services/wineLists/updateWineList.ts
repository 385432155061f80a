import type { Db } from '../../db/database.ts';
import {
  deleteWineList as deleteRow,
  findWineList,
  slugTaken,
  updateWineList as updateRow,
  type WineList,
  type WineListPatch,
} from '../../db/repositories/wineLists.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import { applyDefaultOrder } from './reorderWineList.ts';
import { slugConflict } from './slugs.ts';

/** Name, slug, publication, header, threshold and section order. Unpublishing makes the public page 404. */
export async function updateWineList(
  db: Db,
  actorId: string,
  establishmentId: string,
  wineListId: string,
  patch: WineListPatch,
  clock: Clock,
): Promise<WineList> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  if (patch.slug !== undefined && (await slugTaken(db, patch.slug, wineListId))) {
    if (!(await findWineList(db, establishmentId, wineListId))) throw notFound('Carte');
    throw slugConflict();
  }
  if (!(await updateRow(db, establishmentId, wineListId, patch, clock.now()))) throw notFound('Carte');
  const list = await findWineList(db, establishmentId, wineListId);
  if (!list) throw notFound('Carte');
  // A new section order moves the drinks too, unless they were ordered by hand.
  if (patch.sectionOrder !== undefined && !list.manualOrder)
    await applyDefaultOrder(db, establishmentId, wineListId, list.sectionOrder);
  return list;
}

export async function deleteWineList(
  db: Db,
  actorId: string,
  establishmentId: string,
  wineListId: string,
): Promise<void> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  if (!(await deleteRow(db, establishmentId, wineListId))) throw notFound('Carte');
}
