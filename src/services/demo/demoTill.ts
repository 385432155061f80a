import { createAsterioSimulator, type AsterioSimulator } from '../../tills/simulator/index.ts';

export const DEMO_KMLCODE = 'lepetitzinc-70001';
const DEMO_SEED = 2026;
/** Stored as the demo connection's domain; resolved at call time to the simulator running in this process. */
export const DEMO_DOMAIN = 'http://127.0.0.1:0';

let running: Promise<AsterioSimulator> | null = null;

/** The built-in Astério simulator of the demo, started on first use on a loopback port, on the real clock. */
export function demoSimulator(): Promise<AsterioSimulator> {
  running ??= (async () => {
    const sim = createAsterioSimulator({ seed: DEMO_SEED });
    await sim.listen(0, '127.0.0.1');
    return sim;
  })();
  return running;
}

export async function stopDemoSimulator(): Promise<void> {
  if (!running) return;
  const sim = await running;
  running = null;
  await sim.close();
}
