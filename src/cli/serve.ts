import type { AddressInfo } from 'node:net';
import { loadConfig } from '../config.ts';
import { VERSION } from '../runtime.ts';
import { composeCellier } from './compose.ts';

/** `cellier serve` (what `npm start` runs): the composed app listening, stopped cleanly on a signal. */
export async function serve(options: { worker: boolean; devLocalTills?: boolean }): Promise<void> {
  const loaded = loadConfig();
  const config = options.devLocalTills ? { ...loaded, devLocalTills: true } : loaded;
  const cellier = await composeCellier({ config, work: options.worker });
  const { app, database, imports } = cellier;
  const shutdown = async () => {
    await cellier.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as AddressInfo).port;
  const where = database.kind === 'pglite' ? `PGlite dans ${config.dataDir}` : 'PostgreSQL';
  app.log.info(
    `Cellier ${VERSION} sur http://localhost:${port} (base : ${where}, imports : ${imports.mode}${config.schedule ? '' : ', sans planification'})`,
  );
  if (config.devLocalTills)
    app.log.warn(
      'CELLIER_DEV_LOCAL_TILLS : caisses locales en http:// (127.0.0.1, localhost) acceptées. Développement et démonstration seulement, jamais en production.',
    );
}
