import type { Dispatcher } from 'undici';
import type { AsterioCredentials } from './asterio/credentials.ts';
import { createAsterioConnector } from './asterio/connector.ts';
import type { HubriseCredentials } from './hubrise/credentials.ts';
import { createHubriseConnector } from './hubrise/connector.ts';
import type { Resolver } from './network/guardedLookup.ts';

export { TillError, isTillError, TILL_ERROR_CODES, defaultTillMessage } from './errors.ts';
export type { TillErrorCode } from './errors.ts';

/** An item as the till knows it. Links follow `tillProductId`, never the label. */
export type TillProduct = {
  tillProductId: string;
  label: string;
  family: string | null;
  /** VAT rate in percent (20, 10, 5.5), or null when the till does not say. */
  vatRate: number | null;
  priceCents: number | null;
  active: boolean;
};

/** One line of a ticket. Refunds and voids have a negative quantity and amount. */
export type TillSaleLine = {
  lineId: string;
  /** ISO 8601 instant, UTC. */
  soldAt: string;
  tillProductId: string;
  /** The label at sale time, which may differ from today's catalogue label. */
  label: string;
  quantity: number;
  /** Including tax, after discount. */
  amountCents: number;
  amountExclTaxCents: number | null;
  discountCents: number | null;
};

export type TillTicket = { ticketId: string; closedAt: string; lines: TillSaleLine[] };

/**
 * A record the till sent that does not fit. It is kept (quarantined by the importer), never dropped:
 * `reason` names the field, e.g. `quantity: attendu un nombre`.
 */
export type RejectedRecord = { ticketId: string | null; lineId: string | null; reason: string; raw: unknown };

/**
 * Read-only access to a till. There is deliberately no write method: Cellier never changes the till.
 * Every method rejects only with a `TillError`.
 */
export interface TillConnector {
  testConnection(): Promise<{ siteName: string; productCount: number }>;
  listProducts(): Promise<{ products: TillProduct[]; rejected: RejectedRecord[] }>;
  /** `businessDay` is `YYYY-MM-DD`, the till's business day (a night may run past midnight). */
  listTickets(businessDay: string): Promise<{ tickets: TillTicket[]; rejected: RejectedRecord[] }>;
  isDayClosed(businessDay: string): Promise<boolean>;
}

export type TillLogFields = Record<string, string | number | boolean | null>;
/** Lines never carry a secret: the connector logs method, path, status, timing and attempt only. */
export type TillLogger = {
  debug?: (message: string, fields?: TillLogFields) => void;
  info?: (message: string, fields?: TillLogFields) => void;
  warn?: (message: string, fields?: TillLogFields) => void;
};

export type TillConnectorOptions = {
  /** An undici dispatcher (e.g. a MockAgent or a proxy agent); by default one is made from `timeouts`. */
  dispatcher?: Dispatcher;
  /**
   * The development switch: accept a loopback domain (`http://127.0.0.1:PORT`, `http://localhost:PORT`): the
   * simulator, tests and demo only. Without it, every loopback, private or reserved address is refused.
   */
  allowInsecureLocalhost?: boolean;
  /** Host patterns a domain must match; by default Astério's `*.myasterio.com`. */
  domainPatterns?: readonly string[];
  /** DNS for the guarded lookup (tests inject a fake one); by default the system's. */
  resolver?: Resolver;
  timeouts?: {
    /** TCP + TLS connection. Default 5 s. */
    connectMs?: number;
    /** Silence while waiting for headers or between body chunks. Default 10 s. */
    readMs?: number;
    /** Whole request, body included, per attempt. Default 10 s. */
    totalMs?: number;
  };
  /** Records asked per page (tests use small pages to prove paging). Default: the till's usual size. */
  pageSize?: number;
  /** The clock that says whether a business day is over, for tills that do not say it themselves (HubRise). */
  now?: () => Date;
  /** Aborted when nobody waits for the answer any more (the browser went away): the request stops at once. */
  signal?: AbortSignal;
  /** Pages fetched per listing before giving up with `too_large`. Default 500. */
  maxPages?: number;
  /** Bytes accepted per response before giving up with `too_large`. Default 20 MB. */
  maxBytes?: number;
  /** Retries after the first attempt on network errors, 5xx and 429. Default 4. */
  retries?: number;
  backoff?: {
    /** First delay; doubled each retry, with full jitter. Default 500 ms. */
    baseMs?: number;
    /** Cap of one computed delay. Default 15 s. */
    maxMs?: number;
    /** Cap applied to a server's Retry-After. Default 60 s. */
    retryAfterCapMs?: number;
  };
  logger?: TillLogger;
  /** Injected by tests to make backoff instant. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1); injected by tests for determinism. */
  random?: () => number;
};

export type TillType = 'asterio' | 'hubrise';

/**
 * Builds the connector for a till type. Throws a `TillError` at once when the credentials cannot
 * be right (field named in the message), so "Tester la connexion" reports it like any other failure.
 */
export function createTillConnector(
  type: 'asterio',
  credentials: AsterioCredentials,
  options?: TillConnectorOptions,
): TillConnector;
export function createTillConnector(
  type: 'hubrise',
  credentials: HubriseCredentials,
  options?: TillConnectorOptions,
): TillConnector;
export function createTillConnector(
  type: TillType,
  credentials: AsterioCredentials | HubriseCredentials,
  options?: TillConnectorOptions,
): TillConnector;
export function createTillConnector(
  type: TillType,
  credentials: AsterioCredentials | HubriseCredentials,
  options: TillConnectorOptions = {},
): TillConnector {
  switch (type) {
    case 'asterio':
      return createAsterioConnector(credentials as AsterioCredentials, options);
    case 'hubrise':
      return createHubriseConnector(credentials as HubriseCredentials, options);
  }
}
