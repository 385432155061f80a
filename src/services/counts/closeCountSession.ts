import type { Db } from '../../db/database.ts';
import { countedTotals, setSessionStatus, type CountSession } from '../../db/repositories/countSessions.ts';
import { insertCountEvent } from '../../db/repositories/countEvents.ts';
import { drinksInScope, firstCountsAfter } from '../../db/repositories/countScope.ts';
import { insertMovements, type NewMovement } from '../../db/repositories/stockMovements.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import { loadSession, requireOpen } from './loadSession.ts';

/**
 * Closing writes one count movement per counted drink at the cut-off (the new stock base): sales with sold_at after
 * it come off the new count, sales before it only explain the variance. An uncounted drink keeps its stock unless
 * the session says that uncounted means zero.
 */
export async function closeCountSession(
  db: Db,
  actorId: string,
  establishmentId: string,
  sessionId: string,
  input: { uncountedZero?: boolean | undefined },
  clock: Clock,
): Promise<{ session: CountSession; counted: number; zeroed: number }> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const session = await loadSession(db, establishmentId, sessionId, { forUpdate: true });
  requireOpen(session);
  const uncountedZero = input.uncountedZero ?? session.uncountedZero;
  const totals = await countedTotals(db, establishmentId, sessionId);
  if (totals.size === 0 && !uncountedZero)
    throw new AppError('validation_failed', 'Aucune quantité comptée : rien à clore');
  const drinks = await drinksInScope(db, establishmentId, session);
  const laterBases = await firstCountsAfter(db, establishmentId, session.cutoffAt, sessionId);
  const movements: NewMovement[] = [];
  let zeroed = 0;
  for (const d of drinks) {
    const counted = totals.get(d.id);
    if (counted === undefined && !uncountedZero) continue;
    if (counted === undefined) zeroed += 1;
    movements.push({
      drinkId: d.id,
      kind: 'count',
      quantity: counted ?? 0,
      // A drink entered after the cut-off gets its count at its creation base, so that it still becomes the base.
      occurredAt: laterBases.get(d.id) ?? session.cutoffAt,
      accountId: actorId,
      note: `${session.name}${counted === undefined ? ' (non compté : zéro)' : ''}`,
      countSessionId: sessionId,
    });
  }
  await insertMovements(db, establishmentId, movements);
  const now = clock.now();
  await setSessionStatus(db, establishmentId, sessionId, 'closed', actorId, now, uncountedZero);
  await insertCountEvent(db, establishmentId, {
    sessionId,
    kind: 'closed',
    accountId: actorId,
    at: now,
    detail: { counted: movements.length - zeroed, zeroed, uncountedZero },
  });
  const closed = await loadSession(db, establishmentId, sessionId);
  return { session: closed, counted: movements.length - zeroed, zeroed };
}
