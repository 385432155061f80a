import { insertEstablishment } from '../../src/db/repositories/establishments.ts';
import { insertTillConnection } from '../../src/db/repositories/tillConnections.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { importNight } from '../../src/jobs/importNight.ts';
import { createHubriseSimulator } from '../../src/tills/simulator/hubrise/index.ts';
import { benchTillAccess, createBenchDatabase } from './importBenchSetup.ts';

/**
 * One busy HubRise night on PostgreSQL: importNight over HTTP from the HubRise simulator (location, catalogue and
 * every page of orders), first import into a fresh establishment each time; one untimed warm-up, median of `repeat`.
 */
export async function benchHubriseNight(input: {
  kmlcode: string;
  day: string;
  now: string;
  repeat: number;
}): Promise<{ totalMs: number; lines: number; tickets: number; samples: number[] }> {
  const clock = fixedClock(input.now);
  const sim = createHubriseSimulator({ seed: 11, clock });
  await sim.listen(0);
  const db = await createBenchDatabase('postgres');
  const access = benchTillAccess();
  const location = sim.locations.find((l) => l.till.restaurant.kmlcode === input.kmlcode);
  if (!location) throw new Error(`no HubRise location for ${input.kmlcode}`);
  const creds = sim.credentials(location.locationId);
  try {
    const runs: { ms: number; lines: number; tickets: number }[] = [];
    for (let i = 0; i <= input.repeat; i++) {
      const establishment = await insertEstablishment(db.db, {
        name: `HubRise ${i}`,
        timeZone: 'Europe/Paris',
        dayCutoffHour: 6,
      });
      const till = await insertTillConnection(
        db.db,
        establishment.id,
        'HubRise',
        {
          tillType: 'hubrise',
          domain: creds.apiOrigin,
          kmlcode: creds.locationId,
          siteCode: '',
          identifier: '',
          passwordEncrypted: access.secrets.seal(creds.accessToken),
        },
        clock.now(),
      );
      const t0 = performance.now();
      const run = await importNight(
        db.db,
        access,
        { establishmentId: establishment.id, tillId: till.id, day: input.day, trigger: 'cli' },
        clock,
      );
      const ms = performance.now() - t0;
      if (run.status !== 'succeeded')
        throw new Error(`HubRise import ${run.status}: ${run.errorMessage ?? ''}`);
      if (i > 0) runs.push({ ms, lines: run.lines, tickets: run.tickets });
    }
    const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
    return {
      totalMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      lines: runs[0]?.lines ?? 0,
      tickets: runs[0]?.tickets ?? 0,
      samples: runs.map((r) => Math.round(r.ms)),
    };
  } finally {
    await db.drop();
    await sim.close();
  }
}
