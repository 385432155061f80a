import type { Db } from '../../db/database.ts';
import { findDrink, insertDrink } from '../../db/repositories/drinks.ts';
import type { Clock } from '../../domain/clock.ts';
import type { DrinkWithStock } from '../../domain/drink.ts';
import { requireMembership } from '../establishments/access.ts';
import { libraryEntryForDrink } from '../library/privateEntries.ts';
import { drinkSearchText, resolveDrinkValues, type DrinkInput } from './drinkValues.ts';

/** "Ajouter une boisson": the quantity on hand (empty = 0) is the drink's first count, at the app's now. */
export async function createDrink(
  db: Db,
  actorId: string,
  establishmentId: string,
  input: DrinkInput,
  onHand: number | undefined,
  clock: Clock,
): Promise<DrinkWithStock> {
  await requireMembership(db, establishmentId, actorId);
  const resolved = await resolveDrinkValues(db, input);
  const values = resolved.libraryEntryId
    ? resolved
    : { ...resolved, libraryEntryId: await libraryEntryForDrink(db, establishmentId, resolved) };
  const drink = await insertDrink(db, establishmentId, values, drinkSearchText(values), actorId, {
    quantity: onHand ?? 0,
    at: clock.now(),
  });
  const created = await findDrink(db, establishmentId, drink.id);
  if (!created) throw new Error('drink vanished inside its own transaction');
  return created;
}
