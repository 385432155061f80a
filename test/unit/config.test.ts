import { describe, expect, it } from 'vitest';
import { loadConfig, parseRateLimit } from '../../src/config.ts';

it('keeps local tills off unless CELLIER_DEV_LOCAL_TILLS says true, and the planner on unless told off', () => {
  expect(loadConfig({}).devLocalTills).toBe(false);
  expect(loadConfig({ CELLIER_DEV_LOCAL_TILLS: 'true' }).devLocalTills).toBe(true);
  expect(loadConfig({ CELLIER_DEV_LOCAL_TILLS: '1' }).devLocalTills).toBe(true);
  expect(loadConfig({ CELLIER_DEV_LOCAL_TILLS: 'false' }).devLocalTills).toBe(false);
  expect(() => loadConfig({ CELLIER_DEV_LOCAL_TILLS: 'oui' })).toThrow(/CELLIER_DEV_LOCAL_TILLS/);
  expect(loadConfig({}).schedule).toBe(true);
  expect(loadConfig({ CELLIER_SCHEDULE: 'false' }).schedule).toBe(false);
  expect(loadConfig({ PORT: '0' }).port).toBe(0);
});

describe('rate limits', () => {
  it('reads N/window and off, and refuses the rest with the variable name', () => {
    expect(parseRateLimit('X', '10/h')).toEqual({ max: 10, windowMs: 3_600_000 });
    expect(parseRateLimit('X', '5/15min')).toEqual({ max: 5, windowMs: 900_000 });
    expect(parseRateLimit('X', 'off')).toBeNull();
    expect(loadConfig({}).rateLimits.signup).toEqual({ max: 10, windowMs: 3_600_000 });
    for (const bad of ['0/h', '10', 'ten/h', '10/y'])
      expect(() => parseRateLimit('CELLIER_RATE_DEMO', bad)).toThrow(/CELLIER_RATE_DEMO/);
  });
});
