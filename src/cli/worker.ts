import { loadConfig } from '../config.ts';
import { systemClock } from '../domain/clock.ts';
import { createPgBossQueue } from '../jobs/pgBossQueue.ts';
import { openReadyDatabase } from '../runtime.ts';
import { tillAccessFor } from './compose.ts';

/** `cellier worker`: takes nightly imports from the pg-boss queue; as many as wanted, on any machine. */
export async function worker(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('cellier worker demande DATABASE_URL (mode serveur PostgreSQL)');
  const handle = await openReadyDatabase(config);
  const logger = { info: (m: string) => console.log(m), error: (m: string) => console.error(m) };
  const queue = await createPgBossQueue(
    config.databaseUrl,
    { db: handle.db, tills: tillAccessFor(config), clock: systemClock },
    { work: true, schedule: true, logger },
  );
  console.log('Worker Cellier prêt : imports caisse en attente.');
  const shutdown = async () => {
    await queue.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
