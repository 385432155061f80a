import { addDays, localDateHour } from './businessDay.ts';

/** The instant business day `day` starts: that local date at the cutoff hour, in the establishment's time zone. */
function businessDayStart(day: string, timeZone: string, cutoffHour: number): Date {
  const target = Date.parse(`${day}T${String(cutoffHour).padStart(2, '0')}:00:00Z`);
  let guess = target;
  for (let i = 0; i < 3; i += 1) {
    const local = localDateHour(new Date(guess), timeZone);
    const seen = Date.parse(`${local.date}T${String(local.hour).padStart(2, '0')}:00:00Z`);
    guess += target - seen;
  }
  return new Date(guess);
}

/** A period of whole business days, [from, to] inclusive, as the instants [start, end). */
export function businessPeriod(from: string, to: string, timeZone: string, cutoffHour: number) {
  return {
    fromAt: businessDayStart(from, timeZone, cutoffHour),
    toAt: businessDayStart(addDays(to, 1), timeZone, cutoffHour),
  };
}

/** First and last day of the calendar month of `day` (YYYY-MM-DD). */
export function monthOf(day: string): { from: string; to: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}
