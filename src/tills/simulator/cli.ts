import { parseArgs } from 'node:util';
import { parseFaults, type SimFaults } from './faults.ts';

/** What a simulator is made from on the command line. */
type SimCliOptions = { seed: number; now?: string; faults: Record<string, SimFaults> };

type Startable = {
  readonly seed: number;
  listen: (port?: number, host?: string) => Promise<{ url: string }>;
  close: () => Promise<void>;
};

/**
 * The command line both simulators share: `--port --host --seed --now --faults '<place>:cle=valeur,…'` (repeatable,
 * `*` for every place), then the start, what to type into Cellier, and a clean stop on SIGINT/SIGTERM.
 */
export function runSimulatorCli<S extends Startable>(spec: {
  defaultPort: number;
  /** How a fault names its place: "kmlcode" (Astério), "locationId" (HubRise). */
  placeName: string;
  create: (options: SimCliOptions) => S;
  /** The lines printed once it listens: its credentials per place. */
  describe: (sim: S, url: string) => string[];
}): void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(spec.defaultPort) },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      now: { type: 'string' },
      faults: { type: 'string', multiple: true, default: [] },
    },
  });
  const faults: Record<string, SimFaults> = {};
  for (const item of values.faults) {
    const colon = item.indexOf(':');
    if (colon < 0)
      throw new Error(`--faults attend « ${spec.placeName}:cle=valeur,… » ou « *:… », reçu ${item}`);
    faults[item.slice(0, colon)] = parseFaults(item.slice(colon + 1));
  }
  const sim = spec.create({
    seed: Number(values.seed),
    ...(values.now === undefined ? {} : { now: values.now }),
    faults,
  });
  sim.listen(Number(values.port), values.host).then(
    ({ url }) => {
      for (const line of spec.describe(sim, url)) console.log(line);
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
