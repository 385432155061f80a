import { loadConfig } from '../config.ts';
import { systemClock } from '../domain/clock.ts';
import { buildApp } from '../http/app.ts';
import { openReadyDatabase, VERSION, WEB_DIST } from '../runtime.ts';
import { createSecretBox, loadSecretKey } from '../services/secrets.ts';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const handle = await openReadyDatabase(config);
  const app = await buildApp(
    {
      db: handle.db,
      dbKind: handle.kind,
      clock: systemClock,
      version: VERSION,
      cookieSecure: config.cookieSecure,
      webDir: WEB_DIST,
      tills: {
        secrets: createSecretBox(loadSecretKey(config)),
        connectorOptions: {},
        allowInsecureLocalhost: false,
      },
    },
    {
      logger: {
        level: config.logLevel,
        redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.body.password'],
      },
    },
  );
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const where = handle.kind === 'pglite' ? `PGlite dans ${config.dataDir}` : 'PostgreSQL';
  app.log.info(`Cellier ${VERSION} sur http://localhost:${config.port} (base : ${where})`);
}
