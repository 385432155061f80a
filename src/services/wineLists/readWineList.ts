import type { Db } from '../../db/database.ts';
import { linkedPrices, listItems, type LinkedPriceRow } from '../../db/repositories/wineListItems.ts';
import { findWineList, listWineLists, type WineList } from '../../db/repositories/wineLists.ts';
import { notFound } from '../../domain/errors.ts';
import { requireMembership } from '../establishments/access.ts';
import { groupSections, toEntry, type Entry, type Section } from './wineListEntries.ts';

export async function wineListsOf(db: Db, actorId: string, establishmentId: string): Promise<WineList[]> {
  await requireMembership(db, establishmentId, actorId);
  return listWineLists(db, establishmentId);
}

/** Every entry of a list with its prices, availability and warnings, grouped by section. */
export async function wineListEntries(db: Db, list: WineList): Promise<Section[]> {
  const items = await listItems(db, list.establishmentId, list.id);
  const links = await linkedPrices(
    db,
    list.establishmentId,
    items.map((i) => i.drinkId),
  );
  const byDrink = new Map<string, LinkedPriceRow[]>();
  for (const l of links) byDrink.set(l.drinkId, [...(byDrink.get(l.drinkId) ?? []), l]);
  const entries: Entry[] = items.map((i) => toEntry(i, byDrink.get(i.drinkId) ?? [], list.lowStockThreshold));
  return groupSections(entries, list.sectionOrder);
}

/** The editor's view: the list's settings and all its entries, unavailable ones included. */
export async function readWineList(
  db: Db,
  actorId: string,
  establishmentId: string,
  wineListId: string,
): Promise<{ list: WineList; sections: Section[] }> {
  await requireMembership(db, establishmentId, actorId);
  const list = await findWineList(db, establishmentId, wineListId);
  if (!list) throw notFound('Carte');
  return { list, sections: await wineListEntries(db, list) };
}
