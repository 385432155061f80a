import type { Db } from '../../db/database.ts';
import { findCountSession, type CountSession } from '../../db/repositories/countSessions.ts';
import { AppError, notFound } from '../../domain/errors.ts';

/** The session of this establishment, or 404 (another establishment's id is simply unknown here). */
export async function loadSession(
  db: Db,
  establishmentId: string,
  sessionId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CountSession> {
  const session = await findCountSession(db, establishmentId, sessionId, opts);
  if (!session) throw notFound('Inventaire');
  return session;
}

export function requireOpen(session: CountSession): void {
  if (session.status !== 'open')
    throw new AppError('conflict', 'Inventaire clos : un responsable doit le rouvrir pour le modifier');
}

export function requireClosed(session: CountSession): void {
  if (session.status !== 'closed')
    throw new AppError('conflict', "Les écarts se lisent une fois l'inventaire clos");
}
