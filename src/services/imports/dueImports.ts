import type { Db } from '../../db/database.ts';
import { importedDays, repeatedlyFailedDays } from '../../db/repositories/importRuns.ts';
import { listSchedulableConnections } from '../../db/repositories/tillConnections.ts';
import {
  addDays,
  dueBusinessDays,
  lastClosedBusinessDay,
  localDateHour,
  MAX_CATCH_UP_DAYS,
} from '../../domain/businessDay.ts';

type DueImport = { establishmentId: string; tillId: string; day: string };

/** A day that failed this many times in 24 h waits for a person (Réimporter) or the next day. */
const MAX_FAILED_ATTEMPTS_PER_DAY = 5;

/**
 * Every (establishment, till, business day) the schedule owes now, oldest first per till: tills refused by
 * their till are skipped until their credentials change, removed tills are never read again.
 */
export async function listDueImports(db: Db, now: Date): Promise<DueImport[]> {
  const due: DueImport[] = [];
  for (const c of await listSchedulableConnections(db)) {
    const last = lastClosedBusinessDay(now, c.timeZone, c.dayCutoffHour);
    const since = addDays(last, -MAX_CATCH_UP_DAYS);
    const done = await importedDays(db, c.establishmentId, c.tillId, since);
    const exhausted = await repeatedlyFailedDays(db, c.establishmentId, c.tillId, {
      sinceDay: since,
      after: new Date(now.getTime() - 24 * 3600 * 1000),
      minFailures: MAX_FAILED_ATTEMPTS_PER_DAY,
    });
    const days = dueBusinessDays({
      now,
      timeZone: c.timeZone,
      cutoffHour: c.dayCutoffHour,
      connectedOn: localDateHour(c.connectedAt, c.timeZone).date,
      imported: new Set([...done, ...exhausted]),
    });
    for (const day of days) due.push({ establishmentId: c.establishmentId, tillId: c.tillId, day });
  }
  return due;
}
