import { afterEach, describe, expect, it } from 'vitest';
import { createTillConnector, TillError } from '../../../src/tills/connector.ts';
import { createHubriseSimulator, type HubriseSimulator } from '../../../src/tills/simulator/hubrise/index.ts';
import { NOW, SATURDAY } from './helpers.ts';

const fast = { retries: 0, sleep: () => Promise.resolve() };
const errorOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return null;
};

describe('HubRise connector', () => {
  let sim: HubriseSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('reaches only api.hubrise.com; the simulator only under the development switch', () => {
    const creds = { locationId: 'zinc-1', accessToken: 'a'.repeat(32), catalogId: null };
    expect(() => createTillConnector('hubrise', creds)).not.toThrow();
    for (const apiOrigin of [
      'https://evil.example.com',
      'http://10.0.0.5',
      'https://api.hubrise.com.evil.io',
      'http://169.254.169.254',
    ]) {
      const error = errorOf(() =>
        createTillConnector('hubrise', { ...creds, apiOrigin }, { allowInsecureLocalhost: true }),
      );
      expect(error).toBeInstanceOf(TillError);
      expect((error as TillError).message).toMatch(/api\.hubrise\.com/);
    }
    const local = { ...creds, apiOrigin: 'http://127.0.0.1:4020' };
    expect(errorOf(() => createTillConnector('hubrise', local))).toBeInstanceOf(TillError);
    expect(() => createTillConnector('hubrise', local, { allowInsecureLocalhost: true })).not.toThrow();
  });

  it('names the wrong field of bad credentials in French', () => {
    const error = errorOf(() =>
      createTillConnector('hubrise', {
        locationId: 'pas un id',
        accessToken: 'a'.repeat(32),
        catalogId: null,
      }),
    ) as TillError;
    expect(error.code).toBe('unknown_site');
    expect(error.message).toMatch(/point de vente/);
    const token = errorOf(() =>
      createTillConnector('hubrise', { locationId: 'zinc-1', accessToken: 'court', catalogId: null }),
    ) as TillError;
    expect(token.code).toBe('auth_refused');
  });

  it(
    'sends the token in X-Access-Token, only GETs, and never echoes it in an error',
    { timeout: 10_000 },
    async () => {
      sim = createHubriseSimulator({ seed: 1, now: NOW });
      await sim.listen(0);
      const creds = sim.credentials();
      const connector = createTillConnector('hubrise', creds, { allowInsecureLocalhost: true, ...fast });
      const ok = await connector.testConnection();
      expect(ok.siteName).toBe(sim.locations[0]?.till.restaurant.name);
      expect(ok.productCount).toBeGreaterThan(10);
      expect(sim.requestLog.every((r) => r.method === 'GET' && r.path.startsWith('/v1/'))).toBe(true);
      const other = sim.locations[1];
      if (!other) throw new Error('deux points de vente attendus');
      // A token is scoped to its location: another location's id is refused.
      const stolen = createTillConnector(
        'hubrise',
        { ...creds, locationId: other.locationId },
        { allowInsecureLocalhost: true, ...fast },
      );
      const error = (await stolen.listTickets(SATURDAY).catch((e: unknown) => e)) as TillError;
      expect(error.code).toBe('auth_refused');
      expect(JSON.stringify(error)).not.toContain(creds.accessToken);
    },
  );

  it(
    'asks for the orders created in the business day, from cutoff to cutoff',
    { timeout: 10_000 },
    async () => {
      sim = createHubriseSimulator({ seed: 1, now: NOW });
      await sim.listen(0);
      const connector = createTillConnector('hubrise', sim.credentials(), {
        allowInsecureLocalhost: true,
        ...fast,
        now: sim.now,
      });
      await connector.listTickets(SATURDAY);
      const orders = sim.requestLog.find((r) => r.path.includes('/orders'));
      const query = new URL(orders?.path ?? '/', 'http://x').searchParams;
      // 06:00 in Paris, winter time: 05:00 UTC.
      expect(query.get('after')).toBe('2026-03-14T05:00:00.000Z');
      expect(query.get('before')).toBe('2026-03-15T05:00:00.000Z');
      expect(await connector.isDayClosed(SATURDAY)).toBe(true);
      expect(await connector.isDayClosed('2026-03-16')).toBe(false);
    },
  );
});
