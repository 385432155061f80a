import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import type { TestClient } from './client.ts';

// The inventaire, variance and report routes' cases for the tenant-isolation test, kept apart to limit conflicts.
type Ids = { drinkId: string; sessionId: string; reasonId: string };
type Case = { body?: (ids: Ids) => unknown };

const E = '/api/establishments/:establishmentId';
const S = `${E}/count-sessions/:sessionId`;

export const COUNT_CASES: Record<string, Case> = {
  [`GET ${E}/count-sessions`]: {},
  [`POST ${E}/count-sessions`]: {
    body: () => ({ cutoffAt: '2026-11-27T09:00:00Z', scope: { kind: 'all' } }),
  },
  [`GET ${S}`]: {},
  [`PUT ${S}/lines`]: { body: (ids) => ({ drinkId: ids.drinkId, location: 'Cave', quantity: 1 }) },
  [`POST ${S}/lines/remove`]: { body: (ids) => ({ drinkId: ids.drinkId, location: 'Cave' }) },
  [`POST ${S}/drinks`]: {
    body: () => ({ libraryEntryId: 'x', vintage: null, formatCl: 75, location: 'Cave', quantity: 1 }),
  },
  [`POST ${S}/close`]: { body: () => ({}) },
  [`POST ${S}/reopen`]: { body: () => ({}) },
  [`GET ${S}/variance`]: {},
  [`GET ${S}/variance/export`]: {},
  [`PUT ${S}/variance/:drinkId/reason`]: { body: (ids) => ({ reasonId: ids.reasonId, comment: 'x' }) },
  [`GET ${E}/variance-reasons`]: {},
  [`POST ${E}/variance-reasons`]: { body: () => ({ label: 'Intrus' }) },
  [`PATCH ${E}/variance-reasons/:reasonId`]: { body: () => ({ label: 'Piraté' }) },
  [`GET ${E}/variance-history`]: {},
  [`GET ${E}/reports/bev-cost`]: {},
  [`GET ${E}/reports/bev-cost/export`]: {},
  [`GET ${E}/reports/overview`]: {},
  [`GET ${E}/drinks/:drinkId/costs`]: {},
};

/** A closed session with one counted line and the default reasons, so every id in the cases exists. */
export async function createCountFixtures(
  client: TestClient,
  establishmentId: string,
  drinkId: string,
): Promise<{ sessionId: string; reasonId: string }> {
  const base = `/api/establishments/${establishmentId}`;
  const created = await client.post(`${base}/count-sessions`, {
    cutoffAt: '2026-11-27T08:00:00Z',
    scope: { kind: 'all' },
  });
  if (created.statusCode !== 201) throw new Error(`session: ${created.body}`);
  const sessionId = created.json<{ id: string }>().id;
  await client.put(`${base}/count-sessions/${sessionId}/lines`, { drinkId, location: 'Cave', quantity: 4 });
  const closed = await client.post(`${base}/count-sessions/${sessionId}/close`, {});
  if (closed.statusCode !== 200) throw new Error(`close: ${closed.body}`);
  const reasons = await client.get(`${base}/variance-reasons`);
  const reasonId = reasons.json<{ items: { id: string }[] }>().items[0]?.id;
  if (!reasonId) throw new Error(`reasons: ${reasons.body}`);
  return { sessionId, reasonId };
}

export async function countSnapshot(db: Db, establishmentId: string) {
  const tables = [
    'count_session',
    'count_line',
    'count_event',
    'variance_reason',
    'count_variance_note',
    'drink_cost',
  ];
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await sql<
      Record<string, unknown>
    >`select * from ${sql.table(table)} where establishment_id = ${establishmentId}`.execute(db);
    out[table] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
