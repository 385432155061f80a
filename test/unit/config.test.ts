import { expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

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
