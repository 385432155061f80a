import type { Db } from '../../db/database.ts';
import { setSessionStatus, type CountSession } from '../../db/repositories/countSessions.ts';
import { insertCountEvent } from '../../db/repositories/countEvents.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import { loadSession } from './loadSession.ts';

/**
 * A manager reopens a closed session to correct it. Its count movements stay in the ledger; closing again writes
 * new ones at the same cut-off, which win by their sequence. Who and when are kept in the session's events.
 */
export async function reopenCountSession(
  db: Db,
  actorId: string,
  establishmentId: string,
  sessionId: string,
  input: { reason?: string | undefined },
  clock: Clock,
): Promise<CountSession> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const session = await loadSession(db, establishmentId, sessionId, { forUpdate: true });
  if (session.status !== 'closed') throw new AppError('conflict', "Cet inventaire n'est pas clos");
  const now = clock.now();
  await setSessionStatus(db, establishmentId, sessionId, 'open', actorId, now, session.uncountedZero);
  await insertCountEvent(db, establishmentId, {
    sessionId,
    kind: 'reopened',
    accountId: actorId,
    at: now,
    detail: { reason: input.reason?.trim() || null },
  });
  return loadSession(db, establishmentId, sessionId);
}
