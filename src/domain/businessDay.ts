/** Business days are local calendar dates (YYYY-MM-DD) in the establishment's time zone. */

const DAY_MS = 24 * 3600 * 1000;

/** Local date and hour of an instant in a time zone; DST-correct because Intl does the conversion. */
export function localDateHour(at: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Day D is over once the local clock reaches D+1 at the cutoff hour (04:00 by default). */
export function lastClosedBusinessDay(now: Date, timeZone: string, cutoffHour: number): string {
  const { date, hour } = localDateHour(now, timeZone);
  return addDays(date, hour >= cutoffHour ? -1 : -2);
}

export const MAX_CATCH_UP_DAYS = 31;

/**
 * The days a till connection still owes, oldest first: from the day before it was connected (at most 31 days
 * back) to the last closed day, minus the days already imported.
 */
export function dueBusinessDays(input: {
  now: Date;
  timeZone: string;
  cutoffHour: number;
  connectedOn: string;
  imported: ReadonlySet<string>;
}): string[] {
  const last = lastClosedBusinessDay(input.now, input.timeZone, input.cutoffHour);
  const floor = addDays(last, -(MAX_CATCH_UP_DAYS - 1));
  const start = [addDays(input.connectedOn, -1), floor].sort().at(-1) ?? floor;
  return daysBetween(start, last).filter((d) => !input.imported.has(d));
}

export const isIsoDay = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && addDays(s, 0) === s;
