import type { Db } from '../../db/database.ts';
import { findDrink, setDrinkArchived, updateDrink as updateDrinkRow } from '../../db/repositories/drinks.ts';
import type { DrinkWithStock } from '../../domain/drink.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { requireMembership } from '../establishments/access.ts';
import { drinkSearchText, resolveDrinkValues, type DrinkInput } from './drinkValues.ts';

/** Editing a drink never reaches the till: the till product and its link stay as they are (DESIGN §3 story 8). */
export async function updateDrink(
  db: Db,
  actorId: string,
  establishmentId: string,
  drinkId: string,
  input: DrinkInput,
  clock: Clock,
): Promise<DrinkWithStock> {
  await requireMembership(db, establishmentId, actorId);
  const values = await resolveDrinkValues(db, input);
  const updated = await updateDrinkRow(
    db,
    establishmentId,
    drinkId,
    values,
    drinkSearchText(values),
    clock.now(),
  );
  if (!updated) throw notFound('Boisson');
  return (await findDrink(db, establishmentId, drinkId)) ?? Promise.reject(notFound('Boisson'));
}

export async function setArchived(
  db: Db,
  actorId: string,
  establishmentId: string,
  drinkId: string,
  archived: boolean,
  clock: Clock,
): Promise<DrinkWithStock> {
  await requireMembership(db, establishmentId, actorId);
  const updated = await setDrinkArchived(db, establishmentId, drinkId, archived ? clock.now() : null);
  if (!updated) throw notFound('Boisson');
  return (await findDrink(db, establishmentId, drinkId)) ?? Promise.reject(notFound('Boisson'));
}
