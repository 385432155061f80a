import type { Db } from '../../db/database.ts';
import {
  listQuarantine,
  listRuns,
  type ImportRun,
  type QuarantineItem,
} from '../../db/repositories/importRuns.ts';
import { listEstablishmentTills } from '../../db/repositories/tillConnections.ts';
import { addDays, daysBetween, lastClosedBusinessDay, localDateHour } from '../../domain/businessDay.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, invalidField } from '../../domain/errors.ts';
import type { ImportQueue } from './importQueue.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import { toView, type TillConnectionView } from '../tills/tillConnection.ts';
import { tillsToImport } from './tillsToImport.ts';

export const MAX_RANGE_DAYS = 93;

/**
 * "Importer maintenant" (no dates: the last closed day), "Réimporter" a day or a range, or the last N days up
 * to the last closed one (the history offered on first connection); oldest first. One till (`tillId`) or every
 * till in use.
 */
export async function requestImports(
  db: Db,
  queue: ImportQueue,
  actorId: string,
  establishmentId: string,
  input: {
    from?: string | undefined;
    to?: string | undefined;
    lastDays?: number | undefined;
    tillId?: string | undefined;
  },
  clock: Clock,
): Promise<{ days: string[]; tillIds: string[] }> {
  const establishment = await requireMembership(db, establishmentId, actorId, MANAGERS);
  const tills = await tillsToImport(db, establishmentId, input.tillId);
  const today = localDateHour(clock.now(), establishment.timeZone).date;
  const lastClosed = lastClosedBusinessDay(clock.now(), establishment.timeZone, establishment.dayCutoffHour);
  const history = input.lastDays === undefined ? undefined : addDays(lastClosed, 1 - input.lastDays);
  const from = history ?? input.from ?? input.to ?? lastClosed;
  const to = input.to ?? input.from ?? lastClosed;
  if (from > to) throw invalidField('body.from', 'La date de début doit précéder la date de fin');
  if (to > today) throw invalidField('body.to', 'Impossible d’importer un jour futur');
  if (addDays(from, MAX_RANGE_DAYS - 1) < to) {
    throw new AppError('validation_failed', `${MAX_RANGE_DAYS} jours au plus par demande`, {
      fields: [{ field: 'body.from', message: `${MAX_RANGE_DAYS} jours au plus par demande` }],
    });
  }
  const days = daysBetween(from, to);
  await queue.enqueue(
    tills.flatMap((t) =>
      days.map((day) => ({ establishmentId, tillId: t.id, day, trigger: 'manual' as const })),
    ),
  );
  return { days, tillIds: tills.map((t) => t.id) };
}

type ImportOverview = {
  /** Every till, removed ones last: the pages speak of the tills in use, the history names removed ones. */
  tills: TillConnectionView[];
  runs: ImportRun[];
  pending: string[];
  quarantine: QuarantineItem[];
  lastClosedDay: string;
};

export async function importOverview(
  db: Db,
  queue: ImportQueue,
  actorId: string,
  establishmentId: string,
  clock: Clock,
): Promise<ImportOverview> {
  const establishment = await requireMembership(db, establishmentId, actorId);
  const tills = await listEstablishmentTills(db, establishmentId, { withArchived: true });
  // Pending first: a day that leaves the queue between the two reads then shows as a finished run, never as lost.
  const pending = await queue.pending(establishmentId);
  return {
    tills: tills.map(toView),
    runs: await listRuns(db, establishmentId, 100),
    pending,
    quarantine: await listQuarantine(db, establishmentId, 200),
    lastClosedDay: lastClosedBusinessDay(clock.now(), establishment.timeZone, establishment.dayCutoffHour),
  };
}
