import { describe, expect, it } from 'vitest';
import { containerFormatCl, proposeFactor } from '../../../src/domain/linkFactor.ts';

describe('proposeFactor', () => {
  const wine = (
    serving: Parameters<typeof proposeFactor>[0]['serving'],
    parsedFormatCl: number | null,
    drinkFormatCl = 75,
  ) => proposeFactor({ serving, parsedFormatCl, drinkFormatCl, type: 'wine' });

  it('follows the usual pours', () => {
    expect(wine('bottle', null)).toEqual({ pourCl: 75, factor: 1 });
    expect(wine('glass', null)).toEqual({ pourCl: 12.5, factor: 0.166667 });
    expect(wine('carafe', 50)).toEqual({ pourCl: 50, factor: 0.666667 });
    expect(wine('carafe', 25)).toEqual({ pourCl: 25, factor: 0.333333 });
    expect(wine('glass', 15)).toEqual({ pourCl: 15, factor: 0.2 });
    expect(
      proposeFactor({ serving: 'glass', parsedFormatCl: null, drinkFormatCl: 70, type: 'spirit' }).pourCl,
    ).toBe(4);
  });

  it('takes the container from the serving', () => {
    expect(containerFormatCl('half', null, 'wine')).toBe(37.5);
    expect(containerFormatCl('magnum', null, 'wine')).toBe(150);
    expect(containerFormatCl('glass', 12, 'wine')).toBe(75);
    expect(containerFormatCl('bottle', 50, 'wine')).toBe(50);
    expect(wine('half', null, 37.5).factor).toBe(1);
  });
});
