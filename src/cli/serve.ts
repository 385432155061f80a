import { loadConfig, type Config } from '../config.ts';
import { systemClock } from '../domain/clock.ts';
import { buildApp } from '../http/app.ts';
import { createEmbeddedQueue } from '../jobs/embeddedQueue.ts';
import { createPgBossQueue } from '../jobs/pgBossQueue.ts';
import type { ImportQueue } from '../services/imports/importQueue.ts';
import type { JobDeps } from '../jobs/definitions.ts';
import { openReadyDatabase, VERSION, WEB_DIST } from '../runtime.ts';
import { createSecretBox, loadSecretKey } from '../services/secrets.ts';
import type { TillAccess } from '../services/tills/tillAccess.ts';
import { resealLegacySecrets } from '../services/tills/resealSecrets.ts';
import { ASTERIO_DOMAIN_PATTERN } from '../tills/network/hostPolicy.ts';

export function tillAccessFor(config: Config): TillAccess {
  return {
    secrets: createSecretBox(loadSecretKey(config)),
    connectorOptions: { domainPatterns: [ASTERIO_DOMAIN_PATTERN, ...config.extraTillDomains] },
    allowInsecureLocalhost: false,
  };
}

/** Embedded: the scheduler runs in this process. Server: pg-boss on the same PostgreSQL, shared with workers. */
export async function createQueue(
  config: Config,
  deps: JobDeps,
  options: { work: boolean; logger: { info: (m: string) => void; error: (m: string) => void } },
): Promise<ImportQueue> {
  if (!config.databaseUrl) return createEmbeddedQueue(deps, { logger: options.logger });
  return createPgBossQueue(config.databaseUrl, deps, {
    work: options.work,
    schedule: true,
    logger: options.logger,
  });
}

export async function serve(options: { worker: boolean }): Promise<void> {
  const config = loadConfig();
  const handle = await openReadyDatabase(config);
  const tills = tillAccessFor(config);
  const resealed = await resealLegacySecrets(handle.db, tills.secrets);
  if (resealed > 0) console.log(`${resealed} mot(s) de passe de caisse rechiffré(s) au format v2`);
  const logger = { info: (m: string) => console.log(m), error: (m: string) => console.error(m) };
  const imports = await createQueue(
    config,
    { db: handle.db, tills, clock: systemClock },
    { work: options.worker, logger },
  );
  const app = await buildApp(
    {
      db: handle.db,
      dbKind: handle.kind,
      clock: systemClock,
      version: VERSION,
      cookieSecure: config.cookieSecure,
      webDir: WEB_DIST,
      tills,
      imports,
    },
    {
      trustProxy: config.trustProxy,
      logger: {
        level: config.logLevel,
        redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.body.password'],
      },
    },
  );
  const shutdown = async () => {
    await app.close();
    await imports.stop();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const where = handle.kind === 'pglite' ? `PGlite dans ${config.dataDir}` : 'PostgreSQL';
  app.log.info(
    `Cellier ${VERSION} sur http://localhost:${config.port} (base : ${where}, imports : ${imports.mode})`,
  );
}
