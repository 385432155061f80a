// Plausible distractors for latency/heap figures: real producer and appellation names recombined.
import type { LibraryEntry } from '../../src/matching/index.ts';

/** Deterministic PRNG (mulberry32) so padded runs are repeatable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

export function pad(lib: readonly LibraryEntry[], target: number, seed = 1729): LibraryEntry[] {
  const out = [...lib];
  const wines = lib.filter((e) => e.type === 'wine' && e.producer);
  const producers = [...new Set(wines.map((e) => e.producer ?? ''))];
  const cuvees = [...new Set(lib.map((e) => e.cuvee).filter((c): c is string => !!c))];
  const apps = lib.filter((e) => e.appellation);
  const r = rng(seed);
  for (let i = 0; out.length < target; i++) {
    const base = pick(r, apps);
    const producer = pick(r, producers);
    const cuvee = r() < 0.6 ? pick(r, cuvees) : null;
    const colour = pick(r, ['rouge', 'blanc', 'rosé'] as const);
    const name = [producer, cuvee, base.appellation].filter(Boolean).join(' ');
    out.push({
      id: `pad${String(i).padStart(6, '0')}`,
      type: 'wine',
      colour,
      producer,
      cuvee,
      appellation: base.appellation,
      region: base.region,
      country: base.country,
      vintages: [2015 + Math.floor(r() * 9)],
      formatsCl: [75],
      name,
    });
  }
  return out;
}
