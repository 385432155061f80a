import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TillError } from '../../../src/tills/connector.ts';
import type { AsterioSimulator } from '../../../src/tills/simulator/index.ts';
import { SATURDAY, ZINC, apiRequests, connect, rejectionOf, startSimulator } from './helpers.ts';

let sim: AsterioSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterEach(() => sim.clearFaults());
afterAll(() => sim.close());

/** Requests the simulator saw during `run`. */
async function counting<T>(run: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const before = apiRequests(sim).length;
  const result = await run();
  return { result, requests: apiRequests(sim).length - before };
}

async function tillError(promise: Promise<unknown>): Promise<TillError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(TillError);
  return error as TillError;
}

const T = { timeout: 10_000 };

describe('fault injection: each fault ends in a retry that succeeds or a typed error', () => {
  it('5xx twice, then success: retried with backoff', T, async () => {
    sim.setFaults(ZINC, { serverErrorNext: 2 });
    const { connector, captured } = connect(sim);
    const { result, requests } = await counting(() => connector.isDayClosed(SATURDAY));
    expect(result).toBe(true);
    expect(requests).toBe(3);
    expect(captured.sleeps).toEqual([250, 500]); // random 0.5 × 500 ms × 2^n
  });

  it('5xx for ever: server_error after the retry budget, never more', T, async () => {
    sim.setFaults(ZINC, { serverErrorRate: 1 });
    const { connector } = connect(sim, ZINC, { retries: 2 });
    const before = apiRequests(sim).length;
    const error = await tillError(connector.testConnection());
    expect(error.code).toBe('server_error');
    expect(apiRequests(sim).length - before).toBe(3);
  });

  it('429 honours Retry-After in seconds', T, async () => {
    sim.setFaults(ZINC, { rateLimitNext: 1, retryAfterSeconds: 7 });
    const { connector, captured } = connect(sim);
    expect(await connector.isDayClosed(SATURDAY)).toBe(true);
    expect(captured.sleeps).toEqual([7_000]);
  });

  it('429 honours Retry-After as an HTTP date, capped', T, async () => {
    sim.setFaults(ZINC, { rateLimitNext: 1, retryAfterSeconds: 3_600, retryAfterAsDate: true });
    const { connector, captured } = connect(sim, ZINC, { backoff: { retryAfterCapMs: 30_000 } });
    expect(await connector.isDayClosed(SATURDAY)).toBe(true);
    expect(captured.sleeps).toEqual([30_000]);
  });

  it('429 for ever: rate_limited', T, async () => {
    sim.setFaults(ZINC, { rateLimitRate: 1, retryAfterSeconds: 1 });
    const error = await tillError(connect(sim).connector.listProducts());
    expect(error.code).toBe('rate_limited');
  });

  it('401 after a password change: auth_refused at once, no retry', T, async () => {
    const { connector } = connect(sim);
    expect((await connector.testConnection()).siteName).toBe('Le Petit Zinc');
    const old = sim.credentials(ZINC).password;
    sim.changePassword(ZINC, 'nouveau-mot-de-passe');
    try {
      const before = apiRequests(sim).length;
      const error = await tillError(connector.testConnection());
      expect(error.code).toBe('auth_refused');
      expect(error.message).toMatch(/mot de passe/);
      expect(apiRequests(sim).length - before).toBe(1);
      expect(await connect(sim).connector.isDayClosed(SATURDAY)).toBe(true);
    } finally {
      sim.changePassword(ZINC, old);
    }
  });

  it('unknown site code or kmlcode: unknown_site, no retry', T, async () => {
    const wrongSite = { ...sim.credentials(ZINC), siteCode: 'XYZ' };
    const { result } = await counting(async () =>
      tillError(connect(sim, ZINC, {}, wrongSite).connector.testConnection()),
    );
    expect(result.code).toBe('unknown_site');
    const wrongKml = { ...sim.credentials(ZINC), kmlcode: 'inconnu-99999' };
    const { result: second, requests } = await counting(async () =>
      tillError(connect(sim, ZINC, {}, wrongKml).connector.testConnection()),
    );
    expect(second.code).toBe('unknown_site');
    expect(requests).toBe(1);
  });

  it('unreachable host: unreachable after retries', T, async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const creds = { ...sim.credentials(ZINC), domain: `http://127.0.0.1:${port}` };
    const { connector, captured } = connect(sim, ZINC, { retries: 2 }, creds);
    const error = await tillError(connector.testConnection());
    expect(error.code).toBe('unreachable');
    expect(captured.sleeps.length).toBe(2);
  });

  it('malformed and truncated bodies are retried, then succeed', T, async () => {
    sim.setFaults(ZINC, { malformedNext: 1, truncatedNext: 1 });
    const { connector } = connect(sim);
    const { result, requests } = await counting(() => connector.listProducts());
    expect(result.products.length).toBeGreaterThan(60);
    expect(requests).toBe(3);
  });

  it('a body that is never JSON: unexpected_response', T, async () => {
    sim.setFaults(ZINC, { malformedRate: 1 });
    const error = await tillError(connect(sim, ZINC, { retries: 1 }).connector.listProducts());
    expect(error.code).toBe('unexpected_response');
  });

  it('a dropped connection is retried', T, async () => {
    sim.setFaults(ZINC, { dropConnectionNext: 1 });
    expect(await connect(sim).connector.isDayClosed(SATURDAY)).toBe(true);
  });

  it('a stalled body ends in a timeout, not a hang', T, async () => {
    sim.setFaults(ZINC, { stallMs: 8_000 });
    // Whichever fires first (read timeout or the per-attempt deadline), two attempts stay well under the stall.
    const { connector } = connect(sim, ZINC, { retries: 1, timeouts: { readMs: 150, totalMs: 600 } });
    const started = Date.now();
    const error = await tillError(connector.isDayClosed(SATURDAY));
    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('latency below the timeouts is fine; above, timeout', T, async () => {
    sim.setFaults(ZINC, { latencyMs: 50 });
    expect(await connect(sim).connector.isDayClosed(SATURDAY)).toBe(true);
    sim.setFaults(ZINC, { latencyMs: 1_000 });
    const slow = connect(sim, ZINC, { retries: 0, timeouts: { readMs: 100, totalMs: 500 } }).connector;
    expect((await tillError(slow.isDayClosed(SATURDAY))).code).toBe('timeout');
  });

  it('a page that never ends: too_large at the page cap, no hang', T, async () => {
    sim.setFaults(ZINC, { endlessPages: true });
    const { connector } = connect(sim, ZINC, { maxPages: 5 });
    const { result, requests } = await counting(async () => tillError(connector.listTickets(SATURDAY)));
    expect(result.code).toBe('too_large');
    expect(requests).toBe(5);
  });

  it('a response above maxBytes: too_large, no retry', T, async () => {
    sim.setFaults(ZINC, { padBytes: 300_000 });
    const { connector } = connect(sim, ZINC, { maxBytes: 100_000 });
    const { result, requests } = await counting(async () => tillError(connector.isDayClosed(SATURDAY)));
    expect(result.code).toBe('too_large');
    expect(requests).toBe(1);
  });

  it('a day that stays open', T, async () => {
    sim.setFaults(ZINC, { openDays: [SATURDAY] });
    const { connector } = connect(sim);
    expect(await connector.isDayClosed(SATURDAY)).toBe(false);
    expect(await connector.isDayClosed('2026-03-13')).toBe(true);
  });

  it('records with bad fields are rejected, named, and the rest of the page is kept', T, async () => {
    sim.setFaults(ZINC, { badRecordRate: 0.1 });
    const { connector } = connect(sim);
    const { tickets, rejected } = await connector.listTickets(SATURDAY);
    const truth = sim.till(ZINC).tickets(SATURDAY);
    expect(rejected.length).toBeGreaterThan(5);
    for (const r of rejected) expect(r.reason).toMatch(/^(lines\.\d+\.)?[a-zA-Z]+: /);
    // Nothing lost: kept lines + rejected lines + lines of rejected tickets = what the till holds.
    const isLine = (r: (typeof rejected)[number]) => r.lineId !== null || /^lines\.\d+\./.test(r.reason);
    const wholeTickets = rejected.filter((r) => !isLine(r));
    const linesOf = (r: (typeof rejected)[number]): number => {
      const raw = r.raw as { lines?: unknown };
      if (Array.isArray(raw.lines)) return raw.lines.length;
      return truth.find((t) => t.ticketId === r.ticketId)?.lines.length ?? Number.NaN;
    };
    const kept = tickets.reduce((n, t) => n + t.lines.length, 0);
    const inRejectedTickets = wholeTickets.reduce((n, r) => n + linesOf(r), 0);
    const total = truth.reduce((n, t) => n + t.lines.length, 0);
    expect(rejected.filter(isLine).length).toBeGreaterThan(0);
    expect(wholeTickets.length).toBeGreaterThan(0);
    expect(kept + rejected.filter(isLine).length + inRejectedTickets).toBe(total);
    expect(tickets.length + wholeTickets.length).toBe(truth.length);
    // The bad fields are the ones the simulator breaks, and each is named.
    const fields = new Set(rejected.map((r) => r.reason.replace(/^lines\.\d+\./, '').split(':')[0]));
    for (const f of fields)
      expect([
        'quantity',
        'amountInclTax',
        'lineId',
        'soldAt',
        'kind',
        'productId',
        'label',
        'closedAt',
        'ticketId',
        'lines',
      ]).toContain(f);
  });
});
