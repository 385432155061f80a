import type { Db } from '../../db/database.ts';
import { findDrinkForEntry, insertDrink } from '../../db/repositories/drinks.ts';
import { findLibraryEntry } from '../../db/repositories/library.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { drinkSearchText, drinkValuesFromEntry } from '../drinks/drinkValues.ts';
import { requireMembership } from '../establishments/access.ts';
import { loadSession, requireOpen } from './loadSession.ts';
import { setCountLine } from './setCountLine.ts';

/** A bottle found in the cellar that Cellier does not know: created from the library and counted at once. */
export async function addDrinkDuringCount(
  db: Db,
  actorId: string,
  establishmentId: string,
  sessionId: string,
  input: {
    libraryEntryId: string;
    vintage: number | null;
    formatCl: number;
    location: string;
    quantity: number;
  },
  clock: Clock,
): Promise<{ drinkId: string; created: boolean }> {
  await requireMembership(db, establishmentId, actorId);
  const session = await loadSession(db, establishmentId, sessionId);
  requireOpen(session);
  const entry = await findLibraryEntry(db, establishmentId, input.libraryEntryId);
  if (!entry) throw notFound('Entrée de bibliothèque');
  const existing = await findDrinkForEntry(db, establishmentId, {
    libraryEntryId: entry.id,
    vintage: input.vintage,
    formatCl: input.formatCl,
  });
  let drinkId = existing;
  if (!drinkId) {
    const values = drinkValuesFromEntry(entry, {
      vintage: input.vintage,
      formatCl: input.formatCl,
      location: input.location.trim() || null,
    });
    // Its base is a count of 0 at the session's cutoff; the session's own count replaces it at closing.
    const base = { quantity: 0, at: session.cutoffAt };
    drinkId = (await insertDrink(db, establishmentId, values, drinkSearchText(values), actorId, base)).id;
  }
  await setCountLine(
    db,
    actorId,
    establishmentId,
    sessionId,
    { drinkId, location: input.location, quantity: input.quantity },
    clock,
  );
  return { drinkId, created: !existing };
}
