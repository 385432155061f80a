import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TILL_ERROR_CODES,
  TillError,
  createTillConnector,
  type TillConnector,
} from '../../../src/tills/connector.ts';
import type { AsterioCredentials } from '../../../src/tills/asterio/credentials.ts';
import { ZINC, startSimulator } from './helpers.ts';

/*
 * Fuzzing over real HTTP: real simulator responses are fetched once, then a local server answers
 * with mutated copies. Whatever arrives, the connector resolves with named rejections or rejects
 * with a TillError: never another exception, never a hang.
 */
const DAY = '2026-03-09';
type Answer = { status: number; body: Buffer };
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let server: http.Server;
let base: Record<'site' | 'products' | 'tickets' | 'status', Json>;
let answer: (path: string) => Answer;
let credentials: AsterioCredentials;
const dispatcher = new Agent({ connections: 4 });

const routeOf = (path: string): keyof typeof base =>
  path.includes('/products')
    ? 'products'
    : path.includes('/tickets')
      ? 'tickets'
      : path.includes('/days/')
        ? 'status'
        : 'site';

beforeAll(async () => {
  const sim = await startSimulator();
  const creds = sim.credentials(ZINC);
  const auth = `Basic ${Buffer.from(`${creds.identifier}:${creds.password}`).toString('base64')}`;
  const root = `${creds.domain}/genericdata/v1/${creds.kmlcode}/sites/${creds.siteCode}/`;
  const get = async (path: string): Promise<Json> =>
    (await (await request(root + path, { headers: { authorization: auth } })).body.json()) as Json;
  // Real pages, trimmed so that each of the thousands of cases stays cheap.
  const trim = (page: Json, count: number): Json => {
    const p = page as { items: Json[]; total?: number };
    return { ...p, items: p.items.slice(0, count), ...(p.total === undefined ? {} : { total: count }) };
  };
  base = {
    site: await get('site'),
    products: trim(await get('products?page=1&pageSize=200'), 30),
    tickets: trim(await get(`tickets?businessDay=${DAY}&page=1&pageSize=200`), 15),
    status: await get(`days/${DAY}/status`),
  };
  await sim.close();
  server = http.createServer((req, res) => {
    const { status, body } = answer(req.url ?? '/');
    res
      .writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.length) })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  credentials = { ...creds, domain: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await dispatcher.close();
});

function connector(): TillConnector {
  return createTillConnector('asterio', credentials, {
    allowInsecureLocalhost: true,
    dispatcher,
    retries: 1,
    sleep: () => Promise.resolve(),
    timeouts: { readMs: 2_000, totalMs: 3_000 },
    maxPages: 3,
  });
}

/** Every path to a value in a JSON tree, to pick mutation targets from. */
function paths(
  value: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
const pathCache = new Map<string, (string | number)[][]>();

function mutateAt(root: Json, path: (string | number)[], replace: { drop: true } | { value: Json }): Json {
  if (path.length === 0) return 'drop' in replace ? null : replace.value;
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path.at(-1) as string | number;
  if ('drop' in replace) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replace.value;
  return copy;
}

const weird: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    1e308,
    -1e21,
    2 ** 53 + 1,
    0.1 + 0.2,
    -0,
    '',
    '99999999999999.99',
    '12,50',
    '2026-02-30T25:61:00Z',
    'x'.repeat(5_000),
  ),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: weird }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('garbage' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom(201, 204, 301, 400, 401, 403, 404, 408, 418, 429, 500, 503),
  }),
  fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutatedAnswer(route: keyof typeof base, m: Mutation): Answer {
  const json = base[route];
  const all = pathCache.get(route) ?? paths(json);
  pathCache.set(route, all);
  const text = JSON.stringify(json);
  switch (m.kind) {
    case 'drop':
      return {
        status: 200,
        body: Buffer.from(JSON.stringify(mutateAt(json, all[m.at % all.length] ?? [], { drop: true }))),
      };
    case 'replace':
      return {
        status: 200,
        body: Buffer.from(JSON.stringify(mutateAt(json, all[m.at % all.length] ?? [], { value: m.value }))),
      };
    case 'truncate':
      return { status: 200, body: Buffer.from(text.slice(0, m.at % text.length)) };
    case 'garbage': {
      const raw = Buffer.from(text);
      const at = m.at % raw.length;
      return {
        status: 200,
        body: Buffer.concat([raw.subarray(0, at), Buffer.from(m.bytes), raw.subarray(at)]),
      };
    }
    case 'status':
      return { status: m.status, body: Buffer.from(text) };
    case 'bytes':
      return { status: 200, body: Buffer.from(m.bytes) };
  }
}

const REASON = /^(\(racine\)|[A-Za-z]+|lines\.\d+\.[A-Za-z]+)(\.[A-Za-z0-9]+)*: \S/;
const methods = ['testConnection', 'listProducts', 'listTickets', 'isDayClosed'] as const;

describe('fuzz: mutated till responses', () => {
  it(
    'never throws anything but a TillError; rejected records name their field',
    { timeout: 25_000 },
    async () => {
      let resolved = 0;
      let failed = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...methods),
          fc.constantFrom('site', 'products', 'tickets', 'status'),
          mutation,
          async (method, target, m) => {
            answer = (path) => {
              const route = routeOf(path);
              return route === target
                ? mutatedAnswer(route, m)
                : { status: 200, body: Buffer.from(JSON.stringify(base[route])) };
            };
            const c = connector();
            try {
              const result = await (method === 'listTickets' || method === 'isDayClosed'
                ? c[method](DAY)
                : c[method]());
              resolved += 1;
              // Plain checks per record, one expect per case: thousands of expects per case would dominate.
              if (typeof result === 'object' && 'rejected' in result) {
                const unnamed = result.rejected.filter((r) => !REASON.test(r.reason)).map((r) => r.reason);
                expect(unnamed).toEqual([]);
              }
              if (typeof result === 'object' && 'tickets' in result) {
                const broken = result.tickets
                  .flatMap((t) => t.lines)
                  .filter((l) => !Number.isSafeInteger(l.amountCents) || Number.isNaN(Date.parse(l.soldAt)));
                expect(broken).toEqual([]);
              }
            } catch (error) {
              failed += 1;
              expect(error).toBeInstanceOf(TillError);
              const e = error as TillError;
              expect(TILL_ERROR_CODES).toContain(e.code);
              expect(e.message.length).toBeGreaterThan(0);
            }
          },
        ),
        { numRuns: 3_000, seed: 20260316 },
      );
      // Both outcomes must actually occur, or the fuzzer is not exercising the connector.
      expect(resolved).toBeGreaterThan(300);
      expect(failed).toBeGreaterThan(300);
    },
  );

  it(
    'a line with one bad or missing field is rejected alone, naming the field and its ticket',
    { timeout: 20_000 },
    async () => {
      const tickets = (base.tickets as { items: { ticketId: string; lines: { lineId: string }[] }[] }).items;
      const fields = [
        'lineId',
        'productId',
        'label',
        'kind',
        'quantity',
        'amountInclTax',
        'amountExclTax',
        'discount',
        'soldAt',
      ];
      const bad = fc.oneof(
        fc.boolean(),
        fc.array(fc.integer(), { maxLength: 2 }),
        fc.constant({ a: 1 }),
        fc.constant('drop' as const),
      );
      const total = tickets.reduce((n, t) => n + t.lines.length, 0);
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.nat(),
          fc.constantFrom(...fields),
          bad,
          async (ti, li, field, value) => {
            const ticket = tickets[ti % tickets.length];
            if (!ticket) return;
            const lineIndex = li % ticket.lines.length;
            const path = ['items', ti % tickets.length, 'lines', lineIndex, field];
            const body = mutateAt(
              base.tickets,
              path,
              value === 'drop' ? { drop: true } : { value: value as Json },
            );
            answer = (p) => ({
              status: 200,
              body: Buffer.from(JSON.stringify(routeOf(p) === 'tickets' ? body : base[routeOf(p)])),
            });
            const { tickets: got, rejected } = await connector().listTickets(DAY);
            expect(rejected).toHaveLength(1);
            const [r] = rejected;
            expect(r?.ticketId).toBe(ticket.ticketId);
            expect(r?.lineId).toBe(field === 'lineId' ? null : ticket.lines[lineIndex]?.lineId);
            expect(
              r?.reason.startsWith(field === 'lineId' ? `lines.${lineIndex}.lineId: ` : `${field}: `),
            ).toBe(true);
            expect(got.reduce((n, t) => n + t.lines.length, 0)).toBe(total - 1);
          },
        ),
        { numRuns: 500, seed: 7 },
      );
    },
  );
});
