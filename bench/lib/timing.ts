// Timing and memory helpers for the benchmark.
import { performance } from 'node:perf_hooks';

export function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const v = s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
  return Math.round(v * 1000) / 1000;
}

/** Heap in use after a full collection when node runs with --expose-gc, otherwise as is. */
export function heapMb(): number {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) g();
  return Math.round((process.memoryUsage().heapUsed / 1048576) * 10) / 10;
}
