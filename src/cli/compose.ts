import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { systemClock, type Clock } from '../domain/clock.ts';
import { buildApp } from '../http/app.ts';
import { createLogger, LOG_REDACT } from '../log.ts';
import { createEmbeddedQueue } from '../jobs/embeddedQueue.ts';
import { createPgBossQueue } from '../jobs/pgBossQueue.ts';
import type { ImportQueue } from '../services/imports/importQueue.ts';
import type { JobDeps } from '../jobs/definitions.ts';
import { openReadyDatabase, VERSION, WEB_DIST } from '../runtime.ts';
import { createSecretBox, loadSecretKey } from '../services/secrets.ts';
import type { TillAccess } from '../services/tills/tillAccess.ts';
import { resealLegacySecrets } from '../services/tills/resealSecrets.ts';
import type { TillConnectorOptions } from '../tills/connector.ts';
import { ASTERIO_DOMAIN_PATTERN } from '../tills/network/hostPolicy.ts';

type Logger = { info: (m: string) => void; warn: (m: string) => void; error: (m: string) => void };

/** How every command reaches a till; the local-till switch is the only way to an `http://` loopback till. */
export function tillAccessFor(config: Config, connectorOptions: TillConnectorOptions = {}): TillAccess {
  return {
    secrets: createSecretBox(loadSecretKey(config)),
    connectorOptions: {
      domainPatterns: [ASTERIO_DOMAIN_PATTERN, ...config.extraTillDomains],
      ...connectorOptions,
    },
    allowInsecureLocalhost: config.devLocalTills,
  };
}

/** Embedded: a FIFO in this process. Server: pg-boss on the same PostgreSQL, shared with workers. */
async function createQueue(
  config: Config,
  deps: JobDeps,
  options: { work: boolean; schedule: boolean; logger: Logger },
): Promise<ImportQueue> {
  if (!config.databaseUrl)
    return createEmbeddedQueue(deps, { logger: options.logger, schedule: options.schedule });
  return createPgBossQueue(config.databaseUrl, deps, {
    work: options.work,
    schedule: options.schedule,
    logger: options.logger,
  });
}

type ComposeOptions = {
  config: Config;
  /** Server mode: run queued imports in this process too (`cellier serve --no-worker` turns it off). */
  work?: boolean;
  clock?: Clock;
  /** An open, migrated database (a test's throwaway one); otherwise the configured one is opened. */
  database?: DatabaseHandle;
  /** Till HTTP retries and timeouts (defaults in the connector). */
  connectorOptions?: TillConnectorOptions;
  logger?: Logger;
  /** Where the HTTP log goes (stdout by default); the level and redactions are the configured ones. */
  logStream?: Writable;
  /** No HTTP log at all (in-process tests). */
  quiet?: boolean;
  webDir?: string;
  version?: string;
};

type Cellier = {
  app: FastifyInstance;
  database: DatabaseHandle;
  tills: TillAccess;
  imports: ImportQueue;
  close: () => Promise<void>;
};

/**
 * The one composition root: `cellier serve` (so `npm start`) and the test helpers assemble the database, the
 * till access, the import queue (scheduler on unless configured off) and the HTTP app here, and nowhere else.
 */
export async function composeCellier(options: ComposeOptions): Promise<Cellier> {
  const { config } = options;
  // Jobs and the database pool log through pino, like the HTTP log: same level, redactions and stream.
  const logger =
    options.logger ??
    createLogger({
      level: config.logLevel,
      enabled: !options.quiet,
      ...(options.logStream ? { stream: options.logStream } : {}),
    });
  const clock = options.clock ?? systemClock;
  const database = options.database ?? (await openReadyDatabase(config, logger));
  const tills = tillAccessFor(config, options.connectorOptions);
  const resealed = await resealLegacySecrets(database.db, tills.secrets);
  if (resealed > 0) logger.info(`${resealed} mot(s) de passe de caisse rechiffré(s) au format v2`);
  const imports = await createQueue(
    config,
    { db: database.db, tills, clock },
    { work: options.work ?? true, schedule: config.schedule, logger },
  );
  const app = await buildApp(
    {
      db: database.db,
      dbKind: database.kind,
      clock,
      version: options.version ?? VERSION,
      cookieSecure: config.cookieSecure,
      webDir: options.webDir ?? WEB_DIST,
      tills,
      imports,
      listenInProcess: database.listenInProcess,
    },
    {
      trustProxy: config.trustProxy,
      rateLimits: config.rateLimits,
      logger: options.quiet
        ? false
        : {
            level: config.logLevel,
            redact: LOG_REDACT,
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    },
  );
  app.addHook('onClose', () => imports.stop());
  return {
    app,
    database,
    tills,
    imports,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
