import { Agent } from 'undici';
import type { TillConnectorOptions } from '../connector.ts';
import { guardedLookup } from '../network/guardedLookup.ts';
import { realSleep } from './retry.ts';
import type { TransportConfig } from './transport.ts';

type TransportDefaults = {
  connectMs: number;
  readMs: number;
  totalMs: number;
  maxBytes: number;
  retries: number;
  baseMs: number;
  maxMs: number;
  retryAfterCapMs: number;
};

/** One till's transport from the connector options, its own defaults, headers and redaction (every till alike). */
export function transportConfigFor(
  options: TillConnectorOptions,
  defaults: TransportDefaults,
  till: { allowLoopback: boolean; headers: Record<string, string>; redact: (text: string) => string },
): TransportConfig {
  const t = options.timeouts ?? {};
  const retryAfterCapMs = options.backoff?.retryAfterCapMs ?? defaults.retryAfterCapMs;
  return {
    dispatcher:
      options.dispatcher ??
      new Agent({
        connect: {
          timeout: t.connectMs ?? defaults.connectMs,
          // Every name is resolved and checked here, and the checked address is the one connected to.
          lookup: guardedLookup(till.allowLoopback, options.resolver),
        },
        connections: 4,
      }),
    headers: till.headers,
    readMs: t.readMs ?? defaults.readMs,
    totalMs: t.totalMs ?? defaults.totalMs,
    signal: options.signal,
    maxBytes: options.maxBytes ?? defaults.maxBytes,
    retries: Math.max(0, options.retries ?? defaults.retries),
    backoff: {
      baseMs: options.backoff?.baseMs ?? defaults.baseMs,
      maxMs: options.backoff?.maxMs ?? defaults.maxMs,
      retryAfterCapMs,
    },
    retryAfterCapMs,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    logger: options.logger,
    redact: till.redact,
  };
}
