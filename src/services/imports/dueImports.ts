import type { Db } from '../../db/database.ts';
import { importedDays } from '../../db/repositories/importRuns.ts';
import {
  addDays,
  dueBusinessDays,
  lastClosedBusinessDay,
  localDateHour,
  MAX_CATCH_UP_DAYS,
} from '../../domain/businessDay.ts';

export type DueImport = { establishmentId: string; day: string };

/** A day that failed this many times in 24 h waits for a person (Réimporter) or the next day. */
export const MAX_FAILED_ATTEMPTS_PER_DAY = 5;

/**
 * Every (establishment, business day) the schedule owes now, oldest first per establishment: connections
 * refused by the till are skipped until their credentials change.
 */
export async function listDueImports(db: Db, now: Date): Promise<DueImport[]> {
  const connections = await db
    .selectFrom('till_connection as c')
    .innerJoin('establishment as e', 'e.id', 'c.establishment_id')
    .select(['c.establishment_id', 'c.created_at', 'c.status', 'e.time_zone', 'e.day_cutoff_hour'])
    .where('c.status', '!=', 'refused')
    .execute();
  const due: DueImport[] = [];
  for (const c of connections) {
    const last = lastClosedBusinessDay(now, c.time_zone, c.day_cutoff_hour);
    const since = addDays(last, -MAX_CATCH_UP_DAYS);
    const done = await importedDays(db, c.establishment_id, since);
    const exhausted = await exhaustedDays(db, c.establishment_id, since, now);
    const days = dueBusinessDays({
      now,
      timeZone: c.time_zone,
      cutoffHour: c.day_cutoff_hour,
      connectedOn: localDateHour(c.created_at, c.time_zone).date,
      imported: new Set([...done, ...exhausted]),
    });
    for (const day of days) due.push({ establishmentId: c.establishment_id, day });
  }
  return due;
}

async function exhaustedDays(
  db: Db,
  establishmentId: string,
  since: string,
  now: Date,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('import_run')
    .select(['business_day', (eb) => eb.fn.countAll<number>().as('n')])
    .where('establishment_id', '=', establishmentId)
    .where('business_day', '>=', since)
    .where('status', '=', 'failed')
    .where('started_at', '>', new Date(now.getTime() - 24 * 3600 * 1000))
    .groupBy('business_day')
    .execute();
  return new Set(rows.filter((r) => Number(r.n) >= MAX_FAILED_ATTEMPTS_PER_DAY).map((r) => r.business_day));
}
