/** Local wall-clock time in a time zone → UTC instant. Pure; DST-correct through Intl. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function exactOffsetMs(at: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return asUtc - Math.floor(at / 1000) * 1000;
}

// Offsets change on whole seconds and never twice within six hours: a six-hour span whose two ends agree has one
// offset throughout. Reading a year of sales asks the same spans again and again (Intl formatting is the slow part).
const SPAN_MS = 6 * 3600_000;
const spans = new Map<string, number>();

function offsetMs(at: number, timeZone: string): number {
  const start = Math.floor(at / SPAN_MS) * SPAN_MS;
  const key = `${timeZone}|${start}`;
  let offset = spans.get(key);
  if (offset === undefined) {
    const first = exactOffsetMs(start, timeZone);
    offset = first === exactOffsetMs(start + SPAN_MS - 1000, timeZone) ? first : NaN;
    if (spans.size >= 100_000) spans.clear();
    spans.set(key, offset);
  }
  return Number.isNaN(offset) ? exactOffsetMs(at, timeZone) : offset;
}

/**
 * The instant at which the clock in `timeZone` shows `day` `time` (HH:MM:SS). In the autumn overlap the first
 * occurrence is taken; in the spring gap the time is read with the offset before the change.
 */
export function zonedToUtc(day: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T${time}Z`);
  const first = wall - offsetMs(wall, timeZone);
  const second = wall - offsetMs(first, timeZone);
  const candidates = [first, second].filter((t) => t + offsetMs(t, timeZone) === wall).sort((a, b) => a - b);
  return new Date(candidates[0] ?? first);
}
