/**
 * `npm run till:sim -- --port 4010 --seed 1 [--now 2026-03-16T10:00:00+01:00]
 *   [--faults 'brasserieduport-70002:latencyMs=200,serverErrorRate=0.1' --faults '*:badRecordRate=0.01']`
 * Starts the Astério simulator and prints each restaurant's credentials.
 */
import { parseArgs } from 'node:util';
import { createAsterioSimulator, parseFaults, type SimFaults } from './index.ts';

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      now: { type: 'string' },
      faults: { type: 'string', multiple: true, default: [] },
    },
  });
  const faults: Record<string, SimFaults> = {};
  for (const spec of values.faults) {
    const colon = spec.indexOf(':');
    if (colon < 0) throw new Error(`--faults attend « kmlcode:cle=valeur,… » ou « *:… », reçu ${spec}`);
    faults[spec.slice(0, colon)] = parseFaults(spec.slice(colon + 1));
  }
  const sim = createAsterioSimulator({
    seed: Number(values.seed),
    ...(values.now === undefined ? {} : { now: values.now }),
    faults,
  });
  sim.listen(Number(values.port), values.host).then(
    ({ url }) => {
      console.log(`Simulateur Astério sur ${url} (graine ${sim.seed})`);
      for (const r of sim.restaurants) {
        const c = sim.credentials(r.kmlcode);
        console.log(
          `\n${r.name}\n  domaine     ${c.domain}\n  kmlcode     ${c.kmlcode}\n  code site   ${c.siteCode}`,
        );
        console.log(`  identifiant ${c.identifier}\n  mot de passe ${c.password}`);
      }
      console.log(
        `\nContrôle : POST ${url}/__control/faults {"kmlcode":"…","faults":{…}}, /password, /clock, /reset`,
      );
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
