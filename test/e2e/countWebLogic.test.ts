import { describe, expect, it } from 'vitest';
import { countedQuantity, parseBottles, splitQuantity } from '../../web/src/components/countQuantity.ts';
import { displayDate, parseDateText } from '../../web/src/components/dateText.ts';
import { pivotRevenue, weekOf } from '../../web/src/components/ReportCharts.tsx';
import { matchRoute, paths } from '../../web/src/router.tsx';

describe('counting on a phone: what a counter types', () => {
  it.each([
    ['12', 12],
    ['6x6', 36],
    ['6 × 6', 36],
    ['2x6 + 3', 15],
    ['4,5', 4.5],
    ['1x12+1x6+2', 20],
  ])('%s is %d bottles', (text, n) => expect(parseBottles(text)).toBe(n));

  it.each(['', 'abc', '-3', '6x', '2x3x4', '1,2,3'])('refuses %j', (text) =>
    expect(parseBottles(text)).toBeNaN(),
  );

  it('adds tenths of the opened bottle and splits a stored quantity back', () => {
    expect(countedQuantity('1', 4)).toBe(1.4);
    expect(countedQuantity('', 7)).toBe(0.7);
    expect(countedQuantity('2', 10)).toBeNaN();
    expect(splitQuantity(3.5)).toEqual({ bottles: '3', tenths: 5 });
    expect(splitQuantity(24)).toEqual({ bottles: '24', tenths: 0 });
    expect(splitQuantity(2.25)).toEqual({ bottles: '2,25', tenths: 0 });
  });
});

describe('reports and routes', () => {
  it('groups revenue by ISO week and stacks categories', () => {
    expect(weekOf('2026-11-29')).toBe('2026-11-23');
    expect(weekOf('2026-11-30')).toBe('2026-11-30');
    const { rows, categories } = pivotRevenue(
      [
        { day: '2026-11-23', category: 'wine', revenueExclTax: 10.1 },
        { day: '2026-11-24', category: 'wine', revenueExclTax: 5.2 },
        { day: '2026-11-24', category: 'beer', revenueExclTax: 3 },
      ],
      'week',
    );
    expect(categories).toEqual(['beer', 'wine']);
    expect(rows).toEqual([{ bucket: '2026-11-23', wine: 15.3, beer: 3 }]);
  });

  it('matches the inventaire, écarts and rapports paths', () => {
    expect(matchRoute(paths.countSessions('e1'))).toEqual({ name: 'countSessions', eid: 'e1' });
    expect(matchRoute(paths.countSheet('e1', 's1'))).toEqual({
      name: 'countSheet',
      eid: 'e1',
      sessionId: 's1',
    });
    expect(matchRoute(paths.variance('e1', 's1'))).toEqual({ name: 'variance', eid: 'e1', sessionId: 's1' });
    expect(matchRoute(paths.reports('e1'))).toEqual({ name: 'reports', eid: 'e1' });
    expect(matchRoute('/e/e1/inventaires/s1/autre')).toEqual({ name: 'notFound' });
  });
});

describe('dates read and typed the French way, whatever the browser', () => {
  it('shows ISO days and date-times as jj/mm/aaaa hh:mm', () => {
    expect(displayDate('2026-11-27')).toBe('27/11/2026');
    expect(displayDate('2026-11-27T09:05')).toBe('27/11/2026 09:05');
    expect(displayDate('')).toBe('');
  });

  it.each([
    ['27/11/2026', false, '2026-11-27'],
    ['1/2/2026', false, '2026-02-01'],
    ['27.11.26', false, '2026-11-27'],
    ['27-11-2026', false, '2026-11-27'],
    ['27112026', false, '2026-11-27'],
    ['2026-11-27', false, '2026-11-27'],
    ['29/02/2028', false, '2028-02-29'],
    ['27/11/2026 09:00', true, '2026-11-27T09:00'],
    ['27/11/2026 9h', true, '2026-11-27T09:00'],
    ['27/11/2026 à 21h30', true, '2026-11-27T21:30'],
    ['2026-11-27T09:00', true, '2026-11-27T09:00'],
  ])('%s is %s', (text, withTime, iso) => expect(parseDateText(text, withTime)).toBe(iso));

  it.each([
    ['11/31/2026', false],
    ['29/02/2027', false],
    ['27/11', false],
    ['demain', false],
    ['27/11/2026 09:00', false],
    ['27/11/2026', true],
    ['27/11/2026 24:00', true],
    ['27/11/2026 09:60', true],
  ])('refuses %j (with time: %s)', (text, withTime) => expect(parseDateText(text, withTime)).toBeNull());
});
