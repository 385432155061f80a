import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.ts';
import { createEmbeddedQueue } from '../../src/jobs/embeddedQueue.ts';
import { importNightJob } from '../../src/jobs/definitions.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { testTillAccess } from '../helpers/client.ts';

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
    await queue.enqueue([{ establishmentId, day: '2026-11-26', trigger: 'manual' }]);
    await waitFor(() => waits.length === 1);
    expect(waits).toEqual([importNightJob.retryDelaySeconds * 1000]);
    expect(await queue.pending(establishmentId)).toEqual(['2026-11-26']);
    // Asked again while it waits: still one night.
    await queue.enqueue([{ establishmentId, day: '2026-11-26', trigger: 'manual' }]);
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
    expect(errors.at(-1)).toMatch(/Connexion caisse/);
    await queue.stop();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 4000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition never met');
}
