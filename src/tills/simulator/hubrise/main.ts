/**
 * `npm run till:sim:hubrise -- --port 4020 --seed 1 [--now 2026-03-16T10:00:00+01:00] [--faults '*:badRecordRate=0.01']`
 * Starts the HubRise simulator and prints each location's id and access token.
 */
import { runSimulatorCli } from '../cli.ts';
import { createHubriseSimulator } from './index.ts';

runSimulatorCli({
  defaultPort: 4020,
  placeName: 'locationId',
  create: createHubriseSimulator,
  describe: (sim, url) => [
    `Simulateur HubRise sur ${url} (graine ${sim.seed}) ; Cellier doit tourner avec CELLIER_DEV_LOCAL_TILLS=1`,
    ...sim.locations.flatMap((l) => {
      const c = sim.credentials(l.locationId);
      return [
        `\n${l.till.restaurant.name}\n  API          ${c.apiOrigin}\n  point de vente ${c.locationId}`,
        `  jeton d’accès  ${c.accessToken}\n  catalogue      ${l.catalogId}`,
      ];
    }),
  ],
});
