import type { Db } from '../../db/database.ts';
import { defaultTillName, insertTillConnection } from '../../db/repositories/tillConnections.ts';
import type { EstablishmentWithRole } from '../../db/repositories/establishments.ts';
import { addDays, lastClosedBusinessDay } from '../../domain/businessDay.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import type { ImportNightData } from '../imports/importQueue.ts';
import { createEstablishment } from '../establishments/createEstablishment.ts';
import { fetchNight, findNightRun, writeNight } from '../imports/importNight.ts';
import type { TillAccess } from '../tills/tillAccess.ts';
import { DEMO_DOMAIN, DEMO_KMLCODE, demoSimulator } from './demoTill.ts';

const DEMO_HISTORY_DAYS = 28;

/**
 * A demo establishment connected to the built-in simulator: the last night is imported at once so the work list
 * is full on the first visit, and the 27 nights before it follow in the background, oldest first. Run it in one
 * transaction (the caller's): a failure anywhere leaves no half establishment. The caller queues `nights` once
 * that transaction has committed.
 */
export async function createDemoEstablishment(
  db: Db,
  access: TillAccess,
  actorId: string,
  clock: Clock,
): Promise<{ establishment: EstablishmentWithRole; queuedDays: string[]; nights: ImportNightData[] }> {
  const sim = await demoSimulator();
  const credentials = sim.credentials(DEMO_KMLCODE);
  const establishment = await createEstablishment(db, actorId, {
    name: `Démo — ${sim.restaurants.find((r) => r.kmlcode === DEMO_KMLCODE)?.name ?? 'Le Petit Zinc'}`,
    isDemo: true,
  });
  // A new establishment: its one till is added here, never looked up.
  const till = await insertTillConnection(
    db,
    establishment.id,
    defaultTillName('asterio'),
    {
      tillType: 'asterio',
      domain: DEMO_DOMAIN,
      kmlcode: credentials.kmlcode,
      siteCode: credentials.siteCode,
      identifier: credentials.identifier,
      passwordEncrypted: access.secrets.seal(credentials.password),
      isSimulator: true,
    },
    clock.now(),
  );
  const last = lastClosedBusinessDay(clock.now(), establishment.timeZone, establishment.dayCutoffHour);
  const fetched = await fetchNight(
    db,
    access,
    { establishmentId: establishment.id, tillId: till.id, day: last, trigger: 'demo' },
    clock,
  );
  // The night is written in the demo's own transaction: a failure rolls it back with the establishment.
  if ('data' in fetched) await writeNight(db, fetched, clock);
  const run = 'data' in fetched ? await findNightRun(db, fetched.run) : fetched;
  if (run.status === 'failed')
    throw new AppError('internal', `Démo : import impossible (${run.errorMessage ?? ''})`);
  const queuedDays = Array.from({ length: DEMO_HISTORY_DAYS - 1 }, (_, i) =>
    addDays(last, -(DEMO_HISTORY_DAYS - 1) + i),
  );
  const nights = queuedDays.map((day) => ({
    establishmentId: establishment.id,
    tillId: till.id,
    day,
    trigger: 'demo' as const,
  }));
  return { establishment, queuedDays, nights };
}
