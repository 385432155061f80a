/**
 * `npm run till:sim:hubrise -- --port 4020 --seed 1 [--now 2026-03-16T10:00:00+01:00] [--faults '*:badRecordRate=0.01']`
 * Starts the HubRise simulator and prints each location's id and access token.
 */
import { parseArgs } from 'node:util';
import { parseFaults, type SimFaults } from '../faults.ts';
import { createHubriseSimulator } from './index.ts';

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4020' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      now: { type: 'string' },
      faults: { type: 'string', multiple: true, default: [] },
    },
  });
  const faults: Record<string, SimFaults> = {};
  for (const spec of values.faults) {
    const colon = spec.indexOf(':');
    if (colon < 0) throw new Error(`--faults attend « locationId:cle=valeur,… » ou « *:… », reçu ${spec}`);
    faults[spec.slice(0, colon)] = parseFaults(spec.slice(colon + 1));
  }
  const sim = createHubriseSimulator({
    seed: Number(values.seed),
    ...(values.now === undefined ? {} : { now: values.now }),
    faults,
  });
  sim.listen(Number(values.port), values.host).then(
    ({ url }) => {
      console.log(
        `Simulateur HubRise sur ${url} (graine ${sim.seed}) ; Cellier doit tourner avec CELLIER_DEV_LOCAL_TILLS=1`,
      );
      for (const l of sim.locations) {
        const c = sim.credentials(l.locationId);
        console.log(
          `\n${l.till.restaurant.name}\n  API          ${c.apiOrigin}\n  point de vente ${c.locationId}`,
        );
        console.log(`  jeton d’accès  ${c.accessToken}\n  catalogue      ${l.catalogId}`);
      }
      const stop = (): void => void sim.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(`Démarrage impossible : ${String(error)}`);
      process.exit(1);
    },
  );
}

main();
