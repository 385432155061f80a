import {
  createTillConnector,
  type TillConnector,
  type TillConnectorOptions,
  type TillLogFields,
} from '../../../src/tills/connector.ts';
import {
  createAsterioSimulator,
  type AsterioSimulator,
  type AsterioSimulatorOptions,
} from '../../../src/tills/simulator/index.ts';

/** Monday 16 March 2026, 10:00 in Paris: Saturday 14 and Sunday 15 are closed days, Monday 16 is open. */
export const NOW = '2026-03-16T10:00:00+01:00';
export const SATURDAY = '2026-03-14';
export const ZINC = 'lepetitzinc-70001';
export const BUSY = 'brasserieduport-70002';
export const HALLES = 'leshallesgourmandes-70003';

export async function startSimulator(
  options: Partial<AsterioSimulatorOptions> = {},
): Promise<AsterioSimulator> {
  const sim = createAsterioSimulator({ seed: 1, now: NOW, ...options });
  await sim.listen(0);
  return sim;
}

export type Captured = { logs: string[]; sleeps: number[] };

/** A connector with instant backoff; every log line and every sleep is captured for assertions. */
export function connect(
  sim: AsterioSimulator,
  kmlcode: string = ZINC,
  options: TillConnectorOptions = {},
  credentials = sim.credentials(kmlcode),
): { connector: TillConnector; captured: Captured } {
  const captured: Captured = { logs: [], sleeps: [] };
  const line = (level: string) => (message: string, fields?: TillLogFields) => {
    captured.logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  const connector = createTillConnector('asterio', credentials, {
    allowInsecureLocalhost: true,
    retries: 3,
    timeouts: { connectMs: 1_000, readMs: 2_000, totalMs: 5_000 },
    logger: { debug: line('debug'), info: line('info'), warn: line('warn') },
    sleep: (ms) => {
      captured.sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...options,
  });
  return { connector, captured };
}

/** The rejection of a promise, or a failure if it resolved. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

export const apiRequests = (sim: AsterioSimulator) =>
  sim.requestLog.filter((r) => !r.path.startsWith('/__control/'));
