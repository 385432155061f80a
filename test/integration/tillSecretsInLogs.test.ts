import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { composeCellier } from '../../src/cli/compose.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../helpers/databases.ts';
import { TEST_CONNECTOR_OPTIONS, TestClient, testConfig } from '../helpers/client.ts';

describeOnBothDatabases('till passwords never reach the logs', (kind) => {
  let db: TestDatabase;
  let sim: AsterioSimulator;
  const lines: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    sim = createAsterioSimulator({ seed: 9, now: '2026-11-27T09:00:00Z' });
    await sim.listen(0);
  });
  afterAll(async () => {
    await sim.close();
    await db.drop();
  });

  it('logs requests at trace level without the password, and answers without it', async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // The production logger (level and redactions from the configuration), written to this stream.
    const { app } = await composeCellier({
      config: testConfig({ logLevel: 'trace', schedule: false }),
      database: db,
      clock: fixedClock('2026-11-27T09:00:00Z'),
      connectorOptions: TEST_CONNECTOR_OPTIONS,
      logStream: stream,
      version: 'test',
    });
    const c = new TestClient(app);
    await c.signUp('patron@log.fr');
    const base = `/api/establishments/${await c.createEstablishment('Logs')}`;
    const creds = sim.credentials();
    const added = await c.post(`${base}/tills`, creds);
    const till = `${base}/tills/${added.json<{ connection: { id: string } }>().connection.id}`;
    const bodies = [
      added.body,
      (await c.put(till, { ...creds, password: 'faux-mot-de-passe-123' })).body,
      (await c.post(`${till}/test`)).body,
      (await c.get(`${base}/tills`)).body,
      (await c.put(till, { ...creds, domain: 'ftp://bad' })).body,
      (await c.post(`${base}/tills`, { ...creds, name: 'Bar', password: 'faux-mot-de-passe-123' })).body,
    ];
    await app.close();
    expect(lines.length).toBeGreaterThan(5);
    for (const text of [...lines, ...bodies]) {
      expect(text).not.toContain(creds.password);
      expect(text).not.toContain('faux-mot-de-passe-123');
    }
  });
});
