import type { Db } from '../../db/database.ts';
import { listItems, setPositions } from '../../db/repositories/wineListItems.ts';
import { findWineList, updateWineList } from '../../db/repositories/wineLists.ts';
import type { Clock } from '../../domain/clock.ts';
import { invalidField, notFound } from '../../domain/errors.ts';
import {
  compareDefault,
  defaultSection,
  orderedSections,
  SECTIONS,
  type SectionKey,
} from '../../domain/wineList.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';

/**
 * Manual reordering (the full order of the list's drinks) or back to the default order: sections in the list's
 * order, then region, appellation, producer, vintage.
 */
export async function reorderWineList(
  db: Db,
  actorId: string,
  establishmentId: string,
  wineListId: string,
  order: 'default' | readonly string[],
  clock: Clock,
): Promise<void> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const list = await findWineList(db, establishmentId, wineListId);
  if (!list) throw notFound('Carte');
  if (order !== 'default') {
    const items = await listItems(db, establishmentId, wineListId);
    const known = new Set(items.map((i) => i.drinkId));
    if (
      order.length !== known.size ||
      new Set(order).size !== order.length ||
      order.some((id) => !known.has(id))
    )
      throw invalidField('drinkIds', 'L’ordre doit citer chaque boisson de la carte une seule fois');
    await setPositions(db, establishmentId, wineListId, order);
    await updateWineList(db, establishmentId, wineListId, { manualOrder: true }, clock.now());
    return;
  }
  await updateWineList(db, establishmentId, wineListId, { manualOrder: false }, clock.now());
  await applyDefaultOrder(db, establishmentId, wineListId, list.sectionOrder);
}

/** Positions in the default order; also run after each addition while the list was never reordered by hand. */
export async function applyDefaultOrder(
  db: Db,
  establishmentId: string,
  wineListId: string,
  sectionOrder: readonly string[],
): Promise<void> {
  const items = await listItems(db, establishmentId, wineListId);
  const sectionIndex = new Map(orderedSections(sectionOrder).map((k, i) => [k, i]));
  const sectionOf = (i: (typeof items)[number]): SectionKey =>
    (SECTIONS as readonly string[]).includes(i.section ?? '')
      ? (i.section as SectionKey)
      : defaultSection(i.type, i.colour);
  const sorted = [...items].sort(
    (a, b) =>
      (sectionIndex.get(sectionOf(a)) ?? 0) - (sectionIndex.get(sectionOf(b)) ?? 0) || compareDefault(a, b),
  );
  await setPositions(
    db,
    establishmentId,
    wineListId,
    sorted.map((i) => i.drinkId),
  );
}
