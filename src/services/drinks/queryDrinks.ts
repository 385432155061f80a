import type { Db } from '../../db/database.ts';
import { findDrink, listDrinks, listRegions, type DrinkFilter } from '../../db/repositories/drinks.ts';
import type { DrinkWithStock } from '../../domain/drink.ts';
import { notFound } from '../../domain/errors.ts';
import { foldText } from '../../domain/text.ts';
import { requireMembership } from '../establishments/access.ts';

type DrinkQuery = Omit<DrinkFilter, 'searchTerms' | 'limit' | 'offset'> & {
  q?: string | undefined;
  page: number;
  pageSize: number;
};

export async function queryDrinks(
  db: Db,
  actorId: string,
  establishmentId: string,
  query: DrinkQuery,
): Promise<{ items: DrinkWithStock[]; total: number; page: number; pageSize: number }> {
  await requireMembership(db, establishmentId, actorId);
  const searchTerms = query.q ? foldText(query.q).split(' ').filter(Boolean).slice(0, 8) : [];
  const { items, total } = await listDrinks(db, establishmentId, {
    ...query,
    searchTerms,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getDrink(
  db: Db,
  actorId: string,
  establishmentId: string,
  drinkId: string,
): Promise<DrinkWithStock> {
  await requireMembership(db, establishmentId, actorId);
  const drink = await findDrink(db, establishmentId, drinkId);
  if (!drink) throw notFound('Boisson');
  return drink;
}

export async function drinkRegions(db: Db, actorId: string, establishmentId: string): Promise<string[]> {
  await requireMembership(db, establishmentId, actorId);
  return listRegions(db, establishmentId);
}
