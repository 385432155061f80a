import type { z } from 'zod';
import type { TillConnector, TillConnectorOptions } from '../connector.ts';
import { TillError } from '../errors.ts';
import type { AsterioCredentials } from './credentials.ts';
import { basicAuth, resolveEndpoint, USER_AGENT } from './endpoint.ts';
import { describeIssues, frenchIssue } from '../transport/issues.ts';
import { collectProducts, collectTickets } from './records.ts';
import { makeRedactor } from '../transport/redact.ts';
import { DEFAULT_HOST_POLICY, type TillHostPolicy } from '../network/hostPolicy.ts';
import { transportConfigFor } from '../transport/fromOptions.ts';
import { createTransport, type GetJson } from '../transport/transport.ts';
import { businessDay, dayStatus, productsPage, siteBody, ticketsPage } from './wire.ts';
import { fetchAllPages } from './pages.ts';

export const DEFAULTS = {
  connectMs: 5_000,
  readMs: 10_000,
  totalMs: 10_000,
  maxPages: 500,
  maxBytes: 20 * 1024 * 1024,
  retries: 4,
  baseMs: 500,
  maxMs: 15_000,
  retryAfterCapMs: 60_000,
  pageSize: 200,
} as const;

function checkDay(day: string): void {
  if (!businessDay.safeParse(day).success || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    // A caller bug, not a till fault; still a TillError so callers handle a single type.
    throw new TillError(
      'unexpected_response',
      `Jour invalide : « ${day.slice(0, 20)} » (attendu AAAA-MM-JJ).`,
    );
  }
}

/** Parses a whole response body that must fit; anything else is `unexpected_response`. */
function expectBody<T extends z.ZodType>(schema: T, json: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(json, { error: frenchIssue });
  if (!parsed.success) {
    throw new TillError('unexpected_response', undefined, `${where}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

export function createAsterioConnector(
  input: AsterioCredentials,
  options: TillConnectorOptions = {},
): TillConnector {
  const policy: TillHostPolicy = {
    allowLoopback: options.allowInsecureLocalhost === true,
    domainPatterns: options.domainPatterns ?? DEFAULT_HOST_POLICY.domainPatterns,
  };
  const { credentials, apiRoot } = resolveEndpoint(input, policy);
  const get: GetJson = createTransport(
    transportConfigFor(options, DEFAULTS, {
      allowLoopback: policy.allowLoopback,
      headers: {
        accept: 'application/json',
        authorization: basicAuth(credentials.identifier, credentials.password),
        'user-agent': USER_AGENT,
      },
      redact: makeRedactor(credentials.password, credentials.identifier),
    }),
  );
  const url = (path: string, query: Record<string, string | number> = {}): URL => {
    const u = new URL(path, apiRoot);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, String(v));
    return u;
  };
  const maxPages = Math.max(1, options.maxPages ?? DEFAULTS.maxPages);
  const pageSize = Math.max(1, options.pageSize ?? DEFAULTS.pageSize);

  return {
    async testConnection() {
      const site = expectBody(siteBody, await get(url('site')), 'site');
      const first = expectBody(productsPage, await get(url('products', { page: 1, pageSize })), 'products');
      return { siteName: site.site.name, productCount: first.total };
    },

    async listProducts() {
      const out: Awaited<ReturnType<TillConnector['listProducts']>> = { products: [], rejected: [] };
      const seen = new Set<string>();
      await fetchAllPages(maxPages, 'products', async (page) => {
        const body = expectBody(
          productsPage,
          await get(url('products', { page, pageSize })),
          `products p${page}`,
        );
        collectProducts(body.items, seen, out);
        return body;
      });
      return out;
    },

    async listTickets(day) {
      checkDay(day);
      const out: Awaited<ReturnType<TillConnector['listTickets']>> = { tickets: [], rejected: [] };
      const seen = new Set<string>();
      await fetchAllPages(maxPages, `tickets ${day}`, async (page) => {
        const query = { businessDay: day, page, pageSize };
        const body = expectBody(ticketsPage, await get(url('tickets', query)), `tickets ${day} p${page}`);
        if (body.businessDay !== day) {
          throw new TillError(
            'unexpected_response',
            undefined,
            `tickets: jour ${body.businessDay} reçu pour ${day}`,
          );
        }
        collectTickets(body.items, seen, out);
        return body;
      });
      return out;
    },

    async isDayClosed(day) {
      checkDay(day);
      const body = expectBody(dayStatus, await get(url(`days/${day}/status`)), `days/${day}/status`);
      if (body.businessDay !== day) {
        throw new TillError(
          'unexpected_response',
          undefined,
          `status: jour ${body.businessDay} reçu pour ${day}`,
        );
      }
      return body.status === 'closed';
    },
  };
}
