import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimit, RateLimits } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../domain/clock.ts';
import { AppError } from '../domain/errors.ts';
import { countHit } from '../services/rateLimits/rateLimits.ts';

type Bucket = keyof RateLimits;
const ip = (request: FastifyRequest) => `ip:${request.ip}`;
const accountOrIp = (request: FastifyRequest) =>
  request.account ? `account:${request.account.id}` : ip(request);
const accountAndEstablishment = (request: FastifyRequest) =>
  `${accountOrIp(request)}:${(request.params as { establishmentId?: string }).establishmentId ?? ''}`;

/** The limited routes, in one place: a renamed route fails the rate-limit test rather than going unlimited. */
export const LIMITED_ROUTES: {
  method: string;
  url: string;
  bucket: Bucket;
  by: (r: FastifyRequest) => string;
}[] = [
  { method: 'POST', url: '/api/auth/signup', bucket: 'signup', by: ip },
  { method: 'POST', url: '/api/demo', bucket: 'demo', by: accountOrIp },
  // Adding a till or saving its settings tests the connection too: all draw on the same allowance.
  ...(
    [
      ['POST', '/api/establishments/:establishmentId/tills'],
      ['PUT', '/api/establishments/:establishmentId/tills/:tillId'],
      ['POST', '/api/establishments/:establishmentId/tills/:tillId/test'],
    ] as const
  ).map(([method, url]) => ({ method, url, bucket: 'tillTest' as const, by: accountAndEstablishment })),
];

/** Counters in the database, so that every process of an install shares them (atomic upsert per hit). */
function databaseStore(db: Db, clock: Clock): FastifyRateLimitStoreCtor {
  return class DatabaseStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow?: number,
    ): void {
      countHit(db, key, clock.now(), timeWindow ?? 60_000).then(
        ({ hits, resetInMs }) => callback(null, { current: hits, ttl: resetInMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

const waitText = (ms: number) =>
  ms < 90_000 ? `${Math.max(1, Math.ceil(ms / 1000))} s` : `${Math.ceil(ms / 60_000)} min`;

export async function registerRateLimits(
  app: FastifyInstance,
  deps: { db: Db; clock: Clock; limits: RateLimits },
): Promise<void> {
  // Runs before the plugin's own onRoute hook, which reads `config.rateLimit`.
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const entry = LIMITED_ROUTES.find((r) => r.method === method && r.url === route.url);
      const limit: RateLimit = entry ? deps.limits[entry.bucket] : null;
      if (!entry || !limit) continue;
      route.config = {
        ...route.config,
        rateLimit: {
          max: limit.max,
          timeWindow: limit.windowMs,
          keyGenerator: (request: FastifyRequest) => `${entry.bucket}:${entry.by(request)}`,
        },
      };
    }
  });
  await app.register(rateLimit, {
    global: false,
    // After the session and the CSRF check, so that the key can be the account.
    hook: 'preHandler',
    store: databaseStore(deps.db, deps.clock),
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Trop de demandes : réessayez dans ${waitText(context.ttl)}`, {
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
}
