import { describe, expect, it } from 'vitest';
import { zonedToUtc } from '../../../src/domain/zonedTime.ts';

// The reference: the same reading with the offset asked of Intl for every instant, with no cache.
const formats = new Map<string, Intl.DateTimeFormat>();
const format = (timeZone: string) =>
  formats.get(timeZone) ??
  formats
    .set(
      timeZone,
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
    )
    .get(timeZone)!;

function intlOffsetMs(at: number, timeZone: string): number {
  const parts = format(timeZone).formatToParts(at);
  const p = Object.fromEntries(parts.map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - Math.floor(at / 1000) * 1000;
}

function uncached(day: string, time: string, timeZone: string): number {
  const wall = Date.parse(`${day}T${time}Z`);
  const first = wall - intlOffsetMs(wall, timeZone);
  const second = wall - intlOffsetMs(first, timeZone);
  const ok = [first, second].filter((t) => t + intlOffsetMs(t, timeZone) === wall).sort((a, b) => a - b);
  return ok[0] ?? first;
}

describe('zonedToUtc with cached offsets', () => {
  it('reads a time every 37 minutes of 2026 like Intl asked each time (Paris, Sydney, Lord Howe, St John’s)', () => {
    for (const timeZone of ['Europe/Paris', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/St_Johns']) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 37 * 60_000 + 1000) {
        const iso = new Date(t).toISOString();
        const [day = '', time = ''] = [iso.slice(0, 10), iso.slice(11, 19)];
        expect(zonedToUtc(day, time, timeZone).getTime(), `${timeZone} ${day} ${time}`).toBe(
          uncached(day, time, timeZone),
        );
      }
    }
  });

  it('changes the offset at the very second of a change, not at the cache span', () => {
    expect(zonedToUtc('2026-03-29', '01:59:59', 'Europe/Paris').toISOString()).toBe(
      '2026-03-29T00:59:59.000Z',
    );
    expect(zonedToUtc('2026-03-29', '03:00:00', 'Europe/Paris').toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(zonedToUtc('2026-10-25', '03:00:00', 'Europe/Paris').toISOString()).toBe(
      '2026-10-25T02:00:00.000Z',
    );
    expect(zonedToUtc('2026-10-25', '01:59:59', 'Europe/Paris').toISOString()).toBe(
      '2026-10-24T23:59:59.000Z',
    );
  });
});
