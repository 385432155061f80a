import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.ts';
import { createEmbeddedQueue } from '../../src/jobs/embeddedQueue.ts';
import { importNightJob } from '../../src/jobs/definitions.ts';
import { createTestDatabase, describeOnBothDatabases, type TestDatabase } from '../helpers/databases.ts';
import { createAsterioSimulator, type AsterioSimulator } from '../../src/tills/simulator/index.ts';
import { connectTo, shareableTillAccess } from '../helpers/workerSetup.ts';
import { testTillAccess } from '../helpers/client.ts';
import { soleTillId } from '../helpers/soleTill.ts';

// The embedded queue honours the job's retry delay: a failing night waits outside the FIFO, the others go on.
describe('embedded queue retries', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('waits the declared delay between attempts, keeps the night pending meanwhile, then gives up', async () => {
    const waits: number[] = [];
    const releases: (() => void)[] = [];
    const errors: string[] = [];
    const queue = createEmbeddedQueue(
      { db: db.db, tills: testTillAccess(), clock: fixedClock('2026-11-27T10:00:00Z') },
      {
        schedule: false,
        logger: { info: () => undefined, error: (m) => errors.push(m) },
        wait: (ms) =>
          new Promise<void>((resolve) => {
            waits.push(ms);
            releases.push(resolve);
          }),
      },
    );
    // No till connection for this establishment: importNight throws (not a till error), so the job is retried.
    const establishmentId = crypto.randomUUID();
    const tillId = crypto.randomUUID();
    await queue.enqueue([{ establishmentId, tillId, day: '2026-11-26', trigger: 'manual' }]);
    await waitFor(() => waits.length === 1);
    expect(waits).toEqual([importNightJob.retryDelaySeconds * 1000]);
    expect(await queue.pending(establishmentId)).toEqual(['2026-11-26']);
    // Asked again while it waits: still one night.
    await queue.enqueue([{ establishmentId, tillId, day: '2026-11-26', trigger: 'manual' }]);
    expect(await queue.pending(establishmentId)).toEqual(['2026-11-26']);

    // Each release ends one wait; the next attempt fails again and waits again, up to the job's retries.
    for (let attempt = 1; attempt < importNightJob.retries; attempt++) {
      releases[attempt - 1]?.();
      await waitFor(() => waits.length === attempt + 1);
    }
    releases.at(-1)?.();
    await queue.drain();
    expect(waits).toHaveLength(importNightJob.retries);
    expect(await queue.pending(establishmentId)).toEqual([]);
    expect(errors).toHaveLength(importNightJob.retries + 1);
    expect(errors.at(-1)).toMatch(/Caisse introuvable/);
    await queue.stop();
  });
});

// Issue 9, defect 1: the queue that `npm start` builds stalled for good once a plan found nothing to import.
describeOnBothDatabases('embedded queue after an empty plan', (kind) => {
  let db: TestDatabase;
  let sim: AsterioSimulator;
  const clock = fixedClock('2026-10-01T09:00:00Z');
  beforeEach(async () => {
    db = await createTestDatabase(kind);
    sim = createAsterioSimulator({ seed: 7, clock });
    await sim.listen(0);
  });
  afterEach(async () => {
    await sim.close();
    await db.drop();
  });

  const runs = (establishmentId: string) =>
    db.db
      .selectFrom('import_run')
      .select(['business_day', 'status'])
      .where('establishment_id', '=', establishmentId)
      .orderBy('business_day')
      .execute();

  it('keeps importing after a plan that found nothing (scheduler on, as npm start runs it)', async () => {
    const tills = shareableTillAccess();
    const queue = createEmbeddedQueue({ db: db.db, tills, clock }, { tickMs: 3_600_000 });
    try {
      // No connection yet: the scheduled plan finds nothing and the loop runs on an empty queue.
      await queue.plan();
      await queue.drain();
      const id = await connectTo(db.db, sim, tills, clock, 'lepetitzinc-70001');
      await queue.enqueue([
        { establishmentId: id, tillId: await soleTillId(db.db, id), day: '2026-09-29', trigger: 'manual' },
      ]);
      await queue.drain();
      expect(await runs(id)).toEqual([{ business_day: '2026-09-29', status: 'succeeded' }]);

      // Empty again, then the next plan finds the night the new connection owes.
      await queue.plan();
      await queue.drain();
      expect((await runs(id)).map((r) => r.business_day)).toContain('2026-09-30');
      expect(await queue.pending(id)).toEqual([]);
    } finally {
      await queue.stop();
    }
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 4000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition never met');
}
