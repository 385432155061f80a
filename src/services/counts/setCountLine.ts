import type { Db } from '../../db/database.ts';
import { deleteCountLine, upsertCountLine } from '../../db/repositories/countSessions.ts';
import { insertCountEvent } from '../../db/repositories/countEvents.ts';
import { existingDrinkIds } from '../../db/repositories/drinks.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { requireMembership } from '../establishments/access.ts';
import { loadSession, requireOpen } from './loadSession.ts';

type CountLineInput = { drinkId: string; location: string; quantity: number };

/**
 * One counter's quantity for a drink at a location. The same drink at the same location typed twice keeps the later
 * one (never the sum) and says whose value it replaced; other locations add up at closing.
 */
export async function setCountLine(
  db: Db,
  actorId: string,
  establishmentId: string,
  sessionId: string,
  input: CountLineInput,
  clock: Clock,
): Promise<{ replaced: { quantity: number; byOther: boolean } | null }> {
  await requireMembership(db, establishmentId, actorId);
  const session = await loadSession(db, establishmentId, sessionId, { forUpdate: true });
  requireOpen(session);
  if ((await existingDrinkIds(db, establishmentId, [input.drinkId])).size === 0) throw notFound('Boisson');
  const now = clock.now();
  const location = input.location.trim();
  const before = await upsertCountLine(db, establishmentId, sessionId, { ...input, location }, actorId, now);
  await insertCountEvent(db, establishmentId, {
    sessionId,
    kind: 'line',
    drinkId: input.drinkId,
    accountId: actorId,
    at: now,
    detail: { location, quantity: input.quantity, previous: before.previousQuantity },
  });
  return {
    replaced:
      before.previousQuantity === null
        ? null
        : { quantity: before.previousQuantity, byOther: before.previousBy !== actorId },
  };
}

export async function removeCountLine(
  db: Db,
  actorId: string,
  establishmentId: string,
  sessionId: string,
  drinkId: string,
  location: string,
  clock: Clock,
): Promise<void> {
  await requireMembership(db, establishmentId, actorId);
  const session = await loadSession(db, establishmentId, sessionId, { forUpdate: true });
  requireOpen(session);
  if (!(await deleteCountLine(db, establishmentId, sessionId, drinkId, location.trim())))
    throw notFound('Ligne de comptage');
  await insertCountEvent(db, establishmentId, {
    sessionId,
    kind: 'line_removed',
    drinkId,
    accountId: actorId,
    at: clock.now(),
    detail: { location: location.trim() },
  });
}
