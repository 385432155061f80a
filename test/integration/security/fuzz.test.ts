import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsterioSimulator, type AsterioSimulator } from '../../../src/tills/simulator/index.ts';
import { createHubriseSimulator, type HubriseSimulator } from '../../../src/tills/simulator/hubrise/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp, TestClient, type TestApp } from '../../helpers/client.ts';

// Property: no JSON route answers 5xx, whatever the body, query or path (issue 10, 7). Bodies and queries are
// drawn from each route's own OpenAPI schema (so that many pass validation and reach the service), mixed with
// hostile values and random JSON. Logged in as the owner, on PGlite. FUZZ_SEED=n replays a run. The routes that
// call the till (saving and testing the connection, imports) reach the Astério and HubRise simulators on loopback
// (the local development switch, as in the e2e tests): no request leaves the machine.
type Schema = {
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  nullable?: boolean;
};
type Operation = {
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

// Routes left out, and why: they end the session, delete the establishment under test, or (the demo) create 28
// nights of imports per run.
const SKIP = [
  /^POST \/api\/auth\/(logout|logout-everywhere|password)$/,
  /^DELETE \/api\/establishments\/:establishmentId$/,
  /^POST \/api\/demo$/,
];
// The routes that save till credentials and call the till: their bodies are mostly valid, so the till is reached.
const TILL_SAVES = [
  'POST /api/establishments/:establishmentId/tills',
  'PUT /api/establishments/:establishmentId/tills/:tillId',
];
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hostileString = fc.constantFrom(
  '',
  ' ',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '2999-12-31T00:00:00Z',
  '1899-12-31',
  '2026-02-30',
  '1e-9',
  'NaN',
  'Infinity',
  '-1',
  '9'.repeat(40),
  "'; drop table drink; --",
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '{"a":',
  'x'.repeat(3000),
);
const hostileNumber = fc.constantFrom(
  0,
  -0,
  1e-9,
  -1e-9,
  1e-10,
  1e308,
  -1e308,
  0.005,
  99_999.999,
  100_000.001,
  2 ** 53,
  -1,
  1.5,
  2999,
  1800,
);
const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);
const anyNumber = fc.oneof(hostileNumber, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
const anything = fc.oneof(
  anyString,
  anyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);

function typed(schema: Schema, depth: number, ids: string[]): fc.Arbitrary<unknown> {
  const types = [schema.type ?? []].flat();
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (choices?.length) return fc.oneof(...choices.map((s) => valueFor(s, depth, ids)));
  if (types.includes('object') || schema.properties) {
    if (depth > 4) return fc.constant({});
    const keys = Object.entries(schema.properties ?? {});
    const shape = Object.fromEntries(keys.map(([k, s]) => [k, valueFor(s, depth + 1, ids)]));
    return fc.record(shape, { requiredKeys: schema.required?.filter((k) => k in shape) ?? [] });
  }
  if (types.includes('array'))
    return depth > 4
      ? fc.constant([])
      : fc.array(valueFor(schema.items ?? {}, depth + 1, ids), { maxLength: 4 });
  if (types.includes('integer')) return fc.oneof(fc.integer({ min: -10, max: 3000 }), hostileNumber);
  if (types.includes('number'))
    return fc.oneof(fc.double({ min: -10, max: 3000, noNaN: true }), hostileNumber);
  if (types.includes('boolean')) return fc.boolean();
  if (types.includes('string')) {
    if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
    if (schema.format === 'date-time')
      return fc.oneof(
        fc
          .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        hostileString,
      );
    if (schema.format === 'date')
      return fc
        .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    return anyString;
  }
  return anything;
}

/** Mostly the schema's shape, sometimes anything at all. */
function valueFor(schema: Schema, depth: number, ids: string[]): fc.Arbitrary<unknown> {
  const shaped = typed(schema, depth, ids);
  return fc.oneof(
    { weight: 6, arbitrary: schema.nullable ? fc.option(shaped) : shaped },
    { weight: 1, arbitrary: anything },
  );
}

/**
 * Bodies for saving the till: drawn from its schema, or the simulator's credentials with one field drawn, or
 * HubRise's. Whatever is drawn, the till reached is a simulator: a drawn domain is refused unless it is the
 * simulator's, and the HubRise API origin is always the HubRise simulator's (never api.hubrise.com).
 */
function tillBodies(
  schema: Schema,
  ids: string[],
  sims: { asterio: AsterioSimulator; hubrise: HubriseSimulator },
): fc.Arbitrary<unknown> {
  const asterio = { tillType: 'asterio', ...sims.asterio.credentials() };
  const hubrise = { tillType: 'hubrise', ...sims.hubrise.credentials() };
  const apiOrigin = hubrise.apiOrigin;
  const pinned = (body: unknown) =>
    body && typeof body === 'object' && !Array.isArray(body)
      ? {
          ...body,
          ...('domain' in body && typeof body.domain === 'string' ? { domain: asterio.domain } : {}),
          apiOrigin,
        }
      : body;
  const props = Object.entries(schema.properties ?? {});
  const oneDrawn = (base: Record<string, unknown>) =>
    fc
      .constantFrom(...props)
      .chain(([key, prop]) => valueFor(prop, 1, ids).map((v) => ({ ...base, apiOrigin, [key]: v })));
  return fc.oneof(
    { weight: 2, arbitrary: valueFor(schema, 0, ids).map(pinned) },
    { weight: 3, arbitrary: oneDrawn(asterio) },
    { weight: 1, arbitrary: oneDrawn(hubrise) },
    { weight: 1, arbitrary: fc.constantFrom(asterio, hubrise) },
  );
}

describe('fuzzing every JSON route', () => {
  let db: TestDatabase;
  let t: TestApp;
  let owner: TestClient;
  let asterio: AsterioSimulator;
  let hubrise: HubriseSimulator;
  const known: Record<string, string> = {};
  beforeAll(async () => {
    asterio = createAsterioSimulator({ seed: 5, now: '2026-11-27T10:00:00Z' });
    await asterio.listen(0);
    hubrise = createHubriseSimulator({ seed: 5, now: '2026-11-27T10:00:00Z' });
    await hubrise.listen(0);
    db = await createTestDatabase('pglite');
    t = await createTestApp(db);
    owner = new TestClient(t.app);
    await owner.signUp('fuzz@resto.fr');
    known.establishmentId = await owner.createEstablishment('Le Fuzz');
    const E = `/api/establishments/${known.establishmentId}`;
    // The till is the simulator: testing the connection and the imports reach it.
    const till = await owner.post(`${E}/tills`, { tillType: 'asterio', ...asterio.credentials() });
    const added = till.json<{ connection: { id: string }; test: { ok: boolean } }>();
    expect(added.test.ok, till.body).toBe(true);
    known.tillId = added.connection.id;
    known.drinkId = (await owner.post(`${E}/drinks`, { producer: 'Domaine Fuzz' })).json<{ id: string }>().id;
    await owner.post(`${E}/drinks/${known.drinkId}/movements`, {
      kind: 'receipt',
      quantity: 12,
      unitPrice: 8,
    });
    const session = await owner.post(`${E}/count-sessions`, {
      cutoffAt: '2026-11-27T09:00:00Z',
      scope: { kind: 'all' },
    });
    known.sessionId = session.json<{ id: string }>().id;
    const list = await owner.post(`${E}/wine-lists`, { name: 'Carte fuzz', slug: 'carte-fuzz' });
    known.wineListId = list.json<{ id: string }>().id;
    for (const [k, v] of Object.entries(known)) expect(v, k).toMatch(/^[0-9a-f-]{36}$/);
  });
  afterAll(async () => {
    await t.app.close();
    await db.drop();
    await asterio.close();
    await hubrise.close();
  });

  it(`never answers 5xx (seed ${seed}, ${RUNS} runs per route)`, async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const ids = Object.values(known);
    const routes = t.app.routeTable.filter((r) => !SKIP.some((s) => s.test(`${r.method} ${r.url}`)));
    expect(routes.length).toBeGreaterThan(40);
    const tillRoutes = routes
      .filter((r) => /\/tills(\/:tillId(\/test)?)?$/.test(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(tillRoutes).toEqual(
      expect.arrayContaining([...TILL_SAVES, 'POST /api/establishments/:establishmentId/tills/:tillId/test']),
    );
    // The till misbehaves now and then: its errors, garbage and cut answers must not turn into a 5xx either.
    asterio.setFaults('*', { serverErrorRate: 0.15, malformedRate: 0.1, truncatedRate: 0.1 });
    const tillCallsBefore = asterio.requestLog.length + hubrise.requestLog.length;
    const failures: string[] = [];
    const started = Date.now();
    for (const route of routes) {
      const op = doc.paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()] ?? {};
      const query = Object.fromEntries(
        (op.parameters ?? [])
          .filter((p) => p.in === 'query')
          .map((p) => [p.name, valueFor(p.schema, 0, ids)]),
      );
      const params = [...route.url.matchAll(/:(\w+)/g)].map(([, name]) => name ?? '');
      const paramArb = fc.record(
        Object.fromEntries(
          params.map((name) => [
            name,
            fc.oneof(
              { weight: 8, arbitrary: fc.constant(known[name] ?? '00000000-0000-4000-8000-000000000000') },
              { weight: 1, arbitrary: fc.uuid() },
              { weight: 1, arbitrary: anyString },
            ),
          ]),
        ),
      );
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const bodyArb =
        bodySchema && TILL_SAVES.includes(`${route.method} ${route.url}`)
          ? tillBodies(bodySchema, ids, { asterio, hubrise })
          : bodySchema
            ? valueFor(bodySchema, 0, ids)
            : anything;
      const input = fc.record({
        params: paramArb,
        query: fc.record(query, { requiredKeys: [] }),
        body: bodyArb,
      });
      try {
        await fc.assert(
          fc.asyncProperty(input, async ({ params: p, query: q, body }) => {
            const path = route.url.replace(/:(\w+)/g, (_, name: string) =>
              // A URL cannot carry a lone surrogate: it goes as U+FFFD, as URLSearchParams sends it in a query.
              encodeURIComponent(String(p[name]).replace(LONE_SURROGATE, '\ufffd')),
            );
            const search = new URLSearchParams(
              Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
            ).toString();
            const url = search ? `${path}?${search}` : path;
            const withBody = !['GET', 'DELETE'].includes(route.method);
            const res = await owner.request(
              route.method as 'GET',
              url,
              withBody ? JSON.stringify(body ?? null) : undefined,
              withBody ? { 'content-type': 'application/json' } : {},
            );
            if (res.statusCode >= 500) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
          }),
          { numRuns: RUNS, seed, endOnFailure: true },
        );
      } catch (error) {
        failures.push(
          `${route.method} ${route.url}: ${(error as Error).message.split('\n').slice(0, 6).join(' | ')}`,
        );
      }
    }
    console.info(`fuzz: ${routes.length} routes × ${RUNS} runs in ${Date.now() - started} ms (seed ${seed})`);
    expect(failures).toEqual([]);
    // The till routes did reach the simulators (not only bounce off validation).
    expect(asterio.requestLog.length + hubrise.requestLog.length).toBeGreaterThan(tillCallsBefore);
    // Still the owner at the end: the run did not just bounce off 401s.
    expect((await owner.get(`/api/establishments/${known.establishmentId}`)).statusCode).toBe(200);
  });
});
