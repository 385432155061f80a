import type { Rng } from './prng.ts';

/**
 * Per-restaurant fault injection. `…Next` counters hit the next N API requests (deterministic, for
 * tests); `…Rate` values are probabilities drawn from the simulator's seeded stream.
 */
export type SimFaults = {
  /** Added before every answer. */
  latencyMs?: number;
  serverErrorRate?: number;
  serverErrorNext?: number;
  rateLimitRate?: number;
  rateLimitNext?: number;
  /** Retry-After of 429 answers, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Send Retry-After as an HTTP-date instead of seconds. */
  retryAfterAsDate?: boolean;
  /** Body replaced by non-JSON bytes (an HTML error page, garbage). */
  malformedRate?: number;
  malformedNext?: number;
  /** Valid JSON cut in the middle, with a consistent Content-Length. */
  truncatedRate?: number;
  truncatedNext?: number;
  /** Connection destroyed without an answer. */
  dropConnectionNext?: number;
  /** Headers sent, then the body stalls for this long (a read timeout). */
  stallMs?: number;
  /** Records (products, tickets, lines) given one bad field, deterministic per record. */
  badRecordRate?: number;
  /** `nextPage` is always set: a page that never ends. */
  endlessPages?: boolean;
  /** Every response padded to at least this many bytes. */
  padBytes?: number;
  /** Days that stay open whatever the clock; `true` for all days. */
  openDays?: string[] | true;
};

type FaultDecision =
  | { kind: 'none' }
  | { kind: 'server_error' }
  | { kind: 'rate_limited' }
  | { kind: 'malformed' }
  | { kind: 'truncated' }
  | { kind: 'drop' };

type Counter = 'serverErrorNext' | 'rateLimitNext' | 'malformedNext' | 'truncatedNext' | 'dropConnectionNext';

function take(faults: SimFaults, key: Counter): boolean {
  const left = faults[key] ?? 0;
  if (left <= 0) return false;
  faults[key] = left - 1;
  return true;
}

/** Decides what happens to one API request; mutates the counters of `faults`. */
export function decideFault(faults: SimFaults, rng: Rng): FaultDecision {
  if (take(faults, 'dropConnectionNext')) return { kind: 'drop' };
  if (take(faults, 'serverErrorNext') || rng() < (faults.serverErrorRate ?? 0))
    return { kind: 'server_error' };
  if (take(faults, 'rateLimitNext') || rng() < (faults.rateLimitRate ?? 0)) return { kind: 'rate_limited' };
  if (take(faults, 'malformedNext') || rng() < (faults.malformedRate ?? 0)) return { kind: 'malformed' };
  if (take(faults, 'truncatedNext') || rng() < (faults.truncatedRate ?? 0)) return { kind: 'truncated' };
  return { kind: 'none' };
}

export function isForcedOpen(faults: SimFaults, day: string): boolean {
  return faults.openDays === true || (faults.openDays?.includes(day) ?? false);
}

const NUMBER_KEYS = [
  'latencyMs',
  'serverErrorRate',
  'serverErrorNext',
  'rateLimitRate',
  'rateLimitNext',
  'retryAfterSeconds',
  'malformedRate',
  'malformedNext',
  'truncatedRate',
  'truncatedNext',
  'dropConnectionNext',
  'stallMs',
  'badRecordRate',
  'padBytes',
] as const;

/**
 * Reads faults from JSON (control endpoint) or `key=value,key=value` (command line). Unknown keys
 * and wrong types are refused, so a typo in a test does not silently inject nothing.
 */
export function parseFaults(input: unknown): SimFaults {
  const source: Record<string, unknown> =
    typeof input === 'string'
      ? Object.fromEntries(
          input
            .split(',')
            .filter((kv) => kv.trim() !== '')
            .map((kv) => {
              const [k = '', v = ''] = kv.split('=');
              return [k.trim(), v.trim()];
            }),
        )
      : typeof input === 'object' && input !== null
        ? (input as Record<string, unknown>)
        : {};
  const out: SimFaults = {};
  for (const [key, value] of Object.entries(source)) {
    if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`fault ${key}: nombre positif attendu`);
      out[key as (typeof NUMBER_KEYS)[number]] = n;
    } else if (key === 'endlessPages' || key === 'retryAfterAsDate') {
      out[key] = value === true || value === 'true' || value === '';
    } else if (key === 'openDays') {
      if (value === true || value === 'all' || value === 'true') out.openDays = true;
      else if (Array.isArray(value) && value.every((d) => typeof d === 'string')) out.openDays = value;
      else if (typeof value === 'string') out.openDays = value.split('+');
      else throw new Error('fault openDays: liste de jours ou true attendue');
    } else {
      throw new Error(`fault inconnu : ${key}`);
    }
  }
  return out;
}
