import type { Db } from '../../db/database.ts';
import {
  listCountLines,
  listCountSessions,
  type CountLine,
  type CountSession,
} from '../../db/repositories/countSessions.ts';
import { listCountEvents, type CountEvent } from '../../db/repositories/countEvents.ts';
import { drinksInScope, type ScopeDrink } from '../../db/repositories/countScope.ts';
import { stockAt } from '../../db/repositories/stockAt.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import { loadSession } from './loadSession.ts';

type CountSheetDrink = ScopeDrink & {
  lines: CountLine[];
  counted: number | null;
  /** Hidden (null) while a blind session is open. */
  expected: number | null;
};

export type CountSheet = {
  session: CountSession;
  drinks: CountSheetDrink[];
  events: CountEvent[];
  locations: string[];
  canManage: boolean;
};

/** What a counter's phone shows: the drinks in scope, every counter's lines merged, the expected stock unless blind. */
export async function countSessionDetail(
  db: Db,
  actorId: string,
  establishmentId: string,
  sessionId: string,
): Promise<CountSheet> {
  const member = await requireMembership(db, establishmentId, actorId);
  const session = await loadSession(db, establishmentId, sessionId);
  const [drinks, lines, events] = await Promise.all([
    drinksInScope(db, establishmentId, session),
    listCountLines(db, establishmentId, sessionId),
    listCountEvents(db, establishmentId, sessionId),
  ]);
  const showExpected = !session.blind || session.status === 'closed';
  const expected = showExpected
    ? new Map(
        (await stockAt(db, establishmentId, session.cutoffAt, { excludeSessionId: sessionId })).map((r) => [
          r.drinkId,
          r.quantity,
        ]),
      )
    : new Map<string, number>();
  const byDrink = new Map<string, CountLine[]>();
  for (const l of lines) byDrink.set(l.drinkId, [...(byDrink.get(l.drinkId) ?? []), l]);
  const locations = new Set<string>(['Cave', 'Bar', 'Réserve']);
  for (const d of drinks) if (d.location) locations.add(d.location);
  for (const l of lines) locations.add(l.location);
  return {
    session,
    drinks: drinks.map((d) => {
      const own = byDrink.get(d.id) ?? [];
      return {
        ...d,
        lines: own,
        counted: own.length === 0 ? null : Math.round(own.reduce((s, l) => s + l.quantity, 0) * 1000) / 1000,
        expected: showExpected ? (expected.get(d.id) ?? 0) : null,
      };
    }),
    events,
    locations: [...locations].sort((a, b) => a.localeCompare(b, 'fr')),
    canManage: MANAGERS.includes(member.role),
  };
}

export async function countSessionList(
  db: Db,
  actorId: string,
  establishmentId: string,
): Promise<CountSession[]> {
  await requireMembership(db, establishmentId, actorId);
  return listCountSessions(db, establishmentId);
}
