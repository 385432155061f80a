import { describe, expect, it } from 'vitest';
import {
  dueBusinessDays,
  isIsoDay,
  lastClosedBusinessDay,
  localDateHour,
} from '../../../src/domain/businessDay.ts';

describe('business days', () => {
  it('closes day D at D+1 04:00 Paris time', () => {
    expect(lastClosedBusinessDay(new Date('2026-11-27T02:59:00Z'), 'Europe/Paris', 4)).toBe('2026-11-25');
    expect(lastClosedBusinessDay(new Date('2026-11-27T03:00:00Z'), 'Europe/Paris', 4)).toBe('2026-11-26');
  });

  it('follows daylight saving time (UTC+2 in summer)', () => {
    expect(lastClosedBusinessDay(new Date('2026-07-10T01:59:00Z'), 'Europe/Paris', 4)).toBe('2026-07-08');
    expect(lastClosedBusinessDay(new Date('2026-07-10T02:00:00Z'), 'Europe/Paris', 4)).toBe('2026-07-09');
    // The night of the spring change: 02:00 jumps to 03:00, 04:00 local is 02:00 UTC.
    expect(localDateHour(new Date('2026-03-29T02:00:00Z'), 'Europe/Paris')).toEqual({
      date: '2026-03-29',
      hour: 4,
    });
    expect(lastClosedBusinessDay(new Date('2026-03-29T02:00:00Z'), 'Europe/Paris', 4)).toBe('2026-03-28');
  });

  it('catches up missed days in order, at most 31 back, never before the connection', () => {
    const now = new Date('2026-11-27T06:00:00Z');
    const imported = new Set(['2026-11-24']);
    expect(
      dueBusinessDays({ now, timeZone: 'Europe/Paris', cutoffHour: 4, connectedOn: '2026-11-24', imported }),
    ).toEqual(['2026-11-23', '2026-11-25', '2026-11-26']);
    const long = dueBusinessDays({
      now,
      timeZone: 'Europe/Paris',
      cutoffHour: 4,
      connectedOn: '2025-01-01',
      imported: new Set(),
    });
    expect(long).toHaveLength(31);
    expect(long[0]).toBe('2026-10-27');
  });

  it('validates ISO days', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('26-02-01')).toBe(false);
  });
});
