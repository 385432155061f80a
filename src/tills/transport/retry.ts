/** Backoff policy for idempotent GETs: full jitter, so many establishments retrying do not align. */
export type BackoffPolicy = { baseMs: number; maxMs: number; retryAfterCapMs: number };

export function backoffDelay(policy: BackoffPolicy, retryIndex: number, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/**
 * Retry-After is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). Returns milliseconds,
 * capped, or null when absent or unreadable (the caller then falls back to its own backoff).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number, capMs: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Math.min(Number(text) * 1000, capMs);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - nowMs), capMs);
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
