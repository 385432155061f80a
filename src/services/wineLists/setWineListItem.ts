import type { Db } from '../../db/database.ts';
import {
  deleteItem,
  linkedPrices,
  listableDrinkIds,
  upsertItem,
} from '../../db/repositories/wineListItems.ts';
import { findWineList } from '../../db/repositories/wineLists.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { SectionKey } from '../../domain/wineList.ts';
import { applyDefaultOrder } from './reorderWineList.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';

/** Publishes a drink on a list, or changes its section, note or manual price (refused where the till prices it). */
export async function setWineListItem(
  db: Db,
  actorId: string,
  establishmentId: string,
  wineListId: string,
  drinkId: string,
  input: { section: SectionKey | null; note: string | null; manualPriceCents: number | null },
): Promise<void> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const list = await findWineList(db, establishmentId, wineListId);
  if (!list) throw notFound('Carte');
  if (!(await listableDrinkIds(db, establishmentId, [drinkId])).has(drinkId)) throw notFound('Boisson');
  if (input.manualPriceCents !== null && (await linkedPrices(db, establishmentId, [drinkId])).length > 0)
    throw new AppError('conflict', 'Cette boisson est liée à la caisse : son prix vient de la caisse', {
      fields: [{ field: 'body.manualPrice', message: 'Prix fixé par la caisse' }],
    });
  const note = input.note?.trim() || null;
  await upsertItem(db, establishmentId, wineListId, drinkId, { ...input, note });
  if (!list.manualOrder) await applyDefaultOrder(db, establishmentId, wineListId, list.sectionOrder);
}

export async function removeWineListItem(
  db: Db,
  actorId: string,
  establishmentId: string,
  wineListId: string,
  drinkId: string,
): Promise<void> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  if (!(await findWineList(db, establishmentId, wineListId))) throw notFound('Carte');
  if (!(await deleteItem(db, establishmentId, wineListId, drinkId))) throw notFound('Boisson');
}
