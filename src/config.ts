import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  // 0 asks the system for a free port (tests); the start log says which one.
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  // An empty variable means unset: `DATABASE_URL= npm start` runs embedded.
  DATABASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL doit commencer par postgres://')
      .optional(),
  ),
  CELLIER_SECRET_KEY: z.string().optional(),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.string().optional(),
  // Extra till host patterns beside Astério's `*.myasterio.com` (an operator's own gateway); off by default.
  CELLIER_TILL_DOMAINS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((p) => p.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/,
            'motif de domaine invalide (ex. *.exemple.fr)',
          ),
      ),
    ),
  CELLIER_DEV_LOCAL_TILLS: z.enum(['true', 'false', '1', '0', '']).default('false'),
  CELLIER_SCHEDULE: z.enum(['true', 'false', '1', '0', '']).default('true'),
  // Per caller: sign-ups per address, demos per account, till connection tests per account and establishment.
  CELLIER_RATE_SIGNUP: z.string().default('10/h'),
  CELLIER_RATE_DEMO: z.string().default('5/h'),
  CELLIER_RATE_TILL_TEST: z.string().default('20/h'),
});

/** A limit of `max` hits per window, or off. */
export type RateLimit = { max: number; windowMs: number } | null;
export type RateLimits = { signup: RateLimit; demo: RateLimit; tillTest: RateLimit };

const UNIT_MS: Record<string, number> = { s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** `10/h`, `5/15min`, `100/d`, or `off`. */
export function parseRateLimit(name: string, value: string): RateLimit {
  const text = value.trim().toLowerCase();
  if (text === 'off') return null;
  const m = /^(\d+)\s*\/\s*(\d*)\s*(s|min|h|d)$/.exec(text);
  const max = Number(m?.[1]);
  const windowMs = Number(m?.[2] || 1) * (UNIT_MS[m?.[3] ?? ''] ?? NaN);
  if (!m || max < 1 || !Number.isSafeInteger(windowMs) || windowMs <= 0)
    throw new Error(`Configuration invalide: ${name}: « ${value} » (ex. 10/h, 5/15min, off)`);
  return { max, windowMs };
}

/** Fastify's `trustProxy` forms we accept: off, a hop count, or a list of addresses/CIDR ranges. */
export type TrustProxy = false | number | string[];

/**
 * `TRUST_PROXY` is off by default: `X-Forwarded-For` is then ignored and `request.ip` is the socket's peer.
 * `true` is refused, since trusting every hop lets any client choose its own address.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  if (text === 'true')
    throw new Error(
      'Configuration invalide: TRUST_PROXY=true ferait confiance à tout X-Forwarded-For ; indiquez le nombre de proxys ou leurs adresses',
    );
  const list = text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const entry of list) {
    if (
      !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry) &&
      !['loopback', 'linklocal', 'uniquelocal'].includes(entry)
    )
      throw new Error(`Configuration invalide: TRUST_PROXY: adresse inconnue « ${entry} »`);
  }
  return list;
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  secretKey: string | undefined;
  cookieSecure: 'auto' | 'true' | 'false';
  logLevel: string;
  trustProxy: TrustProxy;
  /** Till host patterns added to `*.myasterio.com` by the operator. */
  extraTillDomains: string[];
  /** Development and demos only: a till on `http://` at a loopback address (the README's simulator). */
  devLocalTills: boolean;
  /** Plan the nightly imports on a timer (off: imports only on demand). */
  schedule: boolean;
  rateLimits: RateLimits;
};

/** Reads the environment once; a bad value stops the start with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Configuration invalide: ${issues}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    secretKey: c.CELLIER_SECRET_KEY,
    cookieSecure: c.COOKIE_SECURE,
    logLevel: c.LOG_LEVEL,
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    extraTillDomains: c.CELLIER_TILL_DOMAINS,
    devLocalTills: c.CELLIER_DEV_LOCAL_TILLS === 'true' || c.CELLIER_DEV_LOCAL_TILLS === '1',
    schedule: c.CELLIER_SCHEDULE !== 'false' && c.CELLIER_SCHEDULE !== '0',
    rateLimits: {
      signup: parseRateLimit('CELLIER_RATE_SIGNUP', c.CELLIER_RATE_SIGNUP),
      demo: parseRateLimit('CELLIER_RATE_DEMO', c.CELLIER_RATE_DEMO),
      tillTest: parseRateLimit('CELLIER_RATE_TILL_TEST', c.CELLIER_RATE_TILL_TEST),
    },
  };
}
