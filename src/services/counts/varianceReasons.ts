import type { Db } from '../../db/database.ts';
import {
  DEFAULT_REASONS,
  insertReasons,
  listReasons,
  updateReason,
  upsertVarianceNote,
  type VarianceReason,
} from '../../db/repositories/varianceReasons.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { insertCountEvent } from '../../db/repositories/countEvents.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import { loadSession, requireClosed } from './loadSession.ts';

/** The establishment's list of reasons; the usual French ones are written the first time it is read. */
export async function varianceReasons(
  db: Db,
  actorId: string,
  establishmentId: string,
): Promise<VarianceReason[]> {
  await requireMembership(db, establishmentId, actorId);
  const existing = await listReasons(db, establishmentId);
  if (existing.length > 0) return existing;
  await insertReasons(db, establishmentId, DEFAULT_REASONS, 1);
  return listReasons(db, establishmentId);
}

export async function addVarianceReason(
  db: Db,
  actorId: string,
  establishmentId: string,
  label: string,
): Promise<VarianceReason[]> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const list = await varianceReasons(db, actorId, establishmentId);
  if (list.some((r) => r.label.toLowerCase() === label.trim().toLowerCase()))
    throw new AppError('conflict', 'Ce motif existe déjà');
  await insertReasons(db, establishmentId, [label.trim()], Math.max(0, ...list.map((r) => r.position)) + 1);
  return listReasons(db, establishmentId);
}

export async function editVarianceReason(
  db: Db,
  actorId: string,
  establishmentId: string,
  reasonId: string,
  patch: { label?: string | undefined; archived?: boolean | undefined },
  clock: Clock,
): Promise<VarianceReason[]> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const ok = await updateReason(db, establishmentId, reasonId, {
    label: patch.label?.trim(),
    archivedAt: patch.archived === undefined ? undefined : patch.archived ? clock.now() : null,
  });
  if (!ok) throw notFound('Motif');
  return listReasons(db, establishmentId);
}

/** Justifies one drink's gap in a closed session (who and when are kept). */
export async function justifyVariance(
  db: Db,
  actorId: string,
  establishmentId: string,
  sessionId: string,
  drinkId: string,
  input: { reasonId: string; comment?: string | undefined },
  clock: Clock,
): Promise<void> {
  await requireMembership(db, establishmentId, actorId);
  const session = await loadSession(db, establishmentId, sessionId);
  requireClosed(session);
  const reason = (await listReasons(db, establishmentId)).find((r) => r.id === input.reasonId);
  if (!reason || reason.archived) throw notFound('Motif');
  const now = clock.now();
  const comment = input.comment?.trim() || null;
  await upsertVarianceNote(db, establishmentId, sessionId, {
    drinkId,
    reasonId: reason.id,
    comment,
    accountId: actorId,
    at: now,
  });
  await insertCountEvent(db, establishmentId, {
    sessionId,
    kind: 'reason',
    drinkId,
    accountId: actorId,
    at: now,
    detail: { reason: reason.label, comment },
  });
}
