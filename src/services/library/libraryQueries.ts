import type { Db } from '../../db/database.ts';
import { searchLibrary, type LibraryEntryRecord } from '../../db/repositories/library.ts';
import { findTillConnection } from '../../db/repositories/tillConnections.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { foldText } from '../../domain/text.ts';
import { requireMembership } from '../establishments/access.ts';
import { matchLabel, type ExplainedAnswer } from './matcher.ts';

export async function searchLibraryEntries(
  db: Db,
  actorId: string,
  establishmentId: string,
  q: string,
  limit: number,
): Promise<LibraryEntryRecord[]> {
  await requireMembership(db, establishmentId, actorId);
  const terms = foldText(q).split(' ').filter(Boolean).slice(0, 8);
  if (terms.length === 0) return [];
  return searchLibrary(db, establishmentId, terms, limit);
}

export async function matchForEstablishment(
  db: Db,
  actorId: string,
  establishmentId: string,
  label: string,
  clock: Clock,
  tillId?: string,
): Promise<ExplainedAnswer> {
  await requireMembership(db, establishmentId, actorId);
  // A till of another establishment is unknown here, never a hint that it exists.
  if (tillId && !(await findTillConnection(db, establishmentId, tillId))) throw notFound('Caisse');
  return matchLabel(db, establishmentId, label, clock.now(), tillId ?? null);
}
