import type { TestClient } from './client.ts';

type Listed = { tills?: { id: string; archivedAt: string | null }[] };

/** The establishment's till in use when it has one (tests that set up a single till). */
export async function tillInUse(c: TestClient, base: string): Promise<string | undefined> {
  const listed = (await c.get(`${base}/tills`)).json<Listed>();
  return listed.tills?.find((t) => t.archivedAt === null)?.id;
}

/**
 * Saves the establishment's one till as the settings form does: added the first time (`POST /tills`, 201), changed
 * after (`PUT /tills/:tillId`, 200). `base` is `/api/establishments/<id>`.
 */
export async function saveTill(c: TestClient, base: string, body: unknown) {
  const id = await tillInUse(c, base);
  return id ? c.put(`${base}/tills/${id}`, body) : c.post(`${base}/tills`, body);
}

/** Tests the establishment's one till (`POST /tills/:tillId/test`). */
export async function testTill(c: TestClient, base: string) {
  const id = await tillInUse(c, base);
  return c.post(`${base}/tills/${id ?? '00000000-0000-4000-8000-000000000000'}/test`);
}
