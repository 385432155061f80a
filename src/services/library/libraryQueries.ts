import type { Db } from '../../db/database.ts';
import { searchLibrary, type LibraryEntryRecord } from '../../db/repositories/library.ts';
import type { Clock } from '../../domain/clock.ts';
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
): Promise<ExplainedAnswer> {
  await requireMembership(db, establishmentId, actorId);
  return matchLabel(db, establishmentId, label, clock.now());
}
