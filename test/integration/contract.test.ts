import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drinkResponse } from '../../src/http/routes/drinks.schema.ts';
import type { FastifyInstance } from 'fastify';
import { composeCellier } from '../../src/cli/compose.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { testConfig } from '../helpers/client.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';

// Routes not yet converted to response schemas (issue 12): none are left; a new route without one fails.
const PENDING = new Set<string>([]);

const validDrink = {
  id: '8d0f6c1e-2b1a-4c3d-9e8f-0a1b2c3d4e5f',
  libraryEntryId: null,
  type: 'wine',
  colour: 'rouge',
  producer: 'Domaine Test',
  cuvee: null,
  appellationId: null,
  appellation: null,
  region: null,
  country: null,
  grapes: [],
  vintage: 2020,
  formatCl: 75,
  purchasePrice: 8.5,
  salePrice: null,
  location: null,
  minStock: null,
  archivedAt: null,
  createdAt: new Date('2026-11-27T10:00:00Z'),
  updatedAt: new Date('2026-11-27T10:00:00Z'),
  stock: 3,
  lastCountAt: null,
  stockValue: 25.5,
  tillLinked: false,
};

describe('API contract', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    ({ app } = await composeCellier({
      config: testConfig({ schedule: false }),
      database: db,
      clock: fixedClock('2026-11-27T10:00:00Z'),
      quiet: true,
      version: 'test',
    }));
    // Two scratch routes with the real drink schema: one answers it, one drifts from it.
    {
      app.get('/api/scratch/good', { schema: { response: { 200: drinkResponse } } }, async () => validDrink);
      app.get('/api/scratch/drift', { schema: { response: { 200: drinkResponse } } }, async () => {
        const { stock: _stock, ...drift } = validDrink;
        return { ...drift, formatCl: '75 cl' };
      });
    }
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('every API route declares the response schema of its success status', () => {
    const missing = app.routeTable
      .filter(
        (r) =>
          r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && !r.url.startsWith('/api/scratch'),
      )
      .filter((r) => !r.responses.some((code) => /^2/.test(code)))
      .map((r) => `${r.method} ${r.url}`);
    expect(missing.filter((key) => !PENDING.has(key))).toEqual([]);
    // A converted route leaves the pending list.
    expect([...PENDING].filter((key) => !missing.includes(key))).toEqual([]);
  });

  it('a route answering what its schema allows sends it, dates as ISO strings, unknown keys dropped', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/scratch/good' });
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, unknown>>();
    expect(body.createdAt).toBe('2026-11-27T10:00:00.000Z');
    expect(body.stock).toBe(3);
  });

  it('a route answering something its schema does not allow fails with 500 and sends none of it', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/scratch/drift' });
    expect(res.statusCode).toBe(500);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('internal');
    expect(res.body).not.toContain('Domaine Test');
  });

  it('the OpenAPI document describes the responses', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    const doc = res.json<{
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    }>();
    const drink = doc.paths['/api/establishments/{establishmentId}/drinks/{drinkId}']?.get;
    expect(Object.keys(drink?.responses ?? {})).toContain('200');
    expect(JSON.stringify(drink?.responses)).toContain('date-time');
  });
});
