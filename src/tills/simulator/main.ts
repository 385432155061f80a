/**
 * `npm run till:sim -- --port 4010 --seed 1 [--now 2026-03-16T10:00:00+01:00]
 *   [--faults 'brasserieduport-70002:latencyMs=200,serverErrorRate=0.1' --faults '*:badRecordRate=0.01']`
 * Starts the Astério simulator and prints each restaurant's credentials.
 */
import { runSimulatorCli } from './cli.ts';
import { createAsterioSimulator } from './index.ts';

runSimulatorCli({
  defaultPort: 4010,
  placeName: 'kmlcode',
  create: createAsterioSimulator,
  describe: (sim, url) => [
    `Simulateur Astério sur ${url} (graine ${sim.seed})`,
    ...sim.restaurants.flatMap((r) => {
      const c = sim.credentials(r.kmlcode);
      return [
        `\n${r.name}\n  domaine     ${c.domain}\n  kmlcode     ${c.kmlcode}\n  code site   ${c.siteCode}`,
        `  identifiant ${c.identifier}\n  mot de passe ${c.password}`,
      ];
    }),
    `\nContrôle : POST ${url}/__control/faults {"kmlcode":"…","faults":{…}}, /password, /clock, /reset`,
  ],
});
