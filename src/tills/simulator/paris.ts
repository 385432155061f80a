/** Europe/Paris wall-clock arithmetic with Intl only: business days, opening hours, wire offsets. */
const ZONE = 'Europe/Paris';
const DAY_MS = 86_400_000;

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(at: Date): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const all = parts.formatToParts(at);
  const get = (type: string): number => Number(all.find((p) => p.type === type)?.value);
  return {
    y: get('year'),
    mo: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
    s: get('second'),
  };
}

// Offsets only change on the hour; the cache keeps rendering 8,000 lines cheap.
const offsetByHour = new Map<number, number>();

/** Offset of Paris from UTC at an instant, in minutes (60 or 120). */
function parisOffsetMinutes(at: Date): number {
  const hour = Math.floor(at.getTime() / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = computeOffset(new Date(hour * 3_600_000));
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

function computeOffset(at: Date): number {
  const w = wallClock(at);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

export const dayNumber = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
export const dayFromNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => dayFromNumber(dayNumber(day) + n);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string): number => (dayNumber(day) + 4) % 7;

/** The instant at which Paris clocks show `day` + `minutes` (minutes may pass 1440: after midnight). */
export function parisInstant(day: string, minutes: number): Date {
  const naive = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  let guess = naive - 60 * 60_000;
  for (let i = 0; i < 3; i += 1) guess = naive - parisOffsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

/** The Paris calendar date of an instant. */
export function parisDay(at: Date): string {
  const w = wallClock(at);
  return `${w.y}-${String(w.mo).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

/** `2026-03-10T21:14:05+01:00`: tills speak local time with its offset. */
export function formatParis(at: Date): string {
  const offset = parisOffsetMinutes(at);
  const local = new Date(Math.floor(at.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
