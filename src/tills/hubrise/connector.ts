import type { z } from 'zod';
import type { TillConnector, TillConnectorOptions } from '../connector.ts';
import { zonedToUtc } from '../../domain/zonedTime.ts';
import { addDays } from '../../domain/businessDay.ts';
import { TillError } from '../errors.ts';
import { describeIssues, frenchIssue } from '../transport/issues.ts';
import { makeRedactor } from '../transport/redact.ts';
import { transportConfigFor } from '../transport/fromOptions.ts';
import { createResponseTransport, type GetResponse } from '../transport/transport.ts';
import { USER_AGENT } from '../asterio/endpoint.ts';
import { HUBRISE_HOST, type HubriseCredentials } from './credentials.ts';
import { resolveHubriseEndpoint } from './endpoint.ts';
import { collectOrders, collectProducts } from './records.ts';
import { catalogBody, catalogsBody, category, locationBody } from './wire.ts';

const HUBRISE_DEFAULTS = {
  connectMs: 5_000,
  readMs: 10_000,
  totalMs: 10_000,
  maxPages: 500,
  maxBytes: 20 * 1024 * 1024,
  retries: 4,
  baseMs: 500,
  maxMs: 15_000,
  retryAfterCapMs: 60_000,
  /** HubRise's maximum page size. */
  pageSize: 100,
  timeZone: 'Europe/Paris',
  cutoff: '06:00',
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkDay(day: string): void {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw new TillError(
      'unexpected_response',
      `Jour invalide : « ${day.slice(0, 20)} » (attendu AAAA-MM-JJ).`,
    );
}

function expectBody<T extends z.ZodType>(schema: T, json: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(json, { error: frenchIssue });
  if (!parsed.success)
    throw new TillError('unexpected_response', undefined, `${where}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The messages of the generic codes name Astério's fields; HubRise's name its own. */
function hubriseMessage(error: unknown): unknown {
  if (!(error instanceof TillError)) return error;
  if (error.code === 'auth_refused' && error.message.startsWith('La caisse refuse'))
    return new TillError(
      'auth_refused',
      'HubRise refuse le jeton d’accès : reconnectez le point de vente.',
      error.detail,
    );
  if (error.code === 'unknown_site' && error.message.startsWith('La caisse ne connaît'))
    return new TillError(
      'unknown_site',
      'HubRise ne connaît pas ce point de vente ou ce catalogue : vérifiez leurs identifiants.',
      error.detail,
    );
  return error;
}

type DayRule = { timeZone: string; cutoff: string };

export function createHubriseConnector(
  input: HubriseCredentials,
  options: TillConnectorOptions = {},
): TillConnector {
  const policy = { allowLoopback: options.allowInsecureLocalhost === true, domainPatterns: [HUBRISE_HOST] };
  const { credentials, apiRoot } = resolveHubriseEndpoint(input, policy);
  const getResponse: GetResponse = createResponseTransport(
    transportConfigFor(options, HUBRISE_DEFAULTS, {
      allowLoopback: policy.allowLoopback,
      headers: {
        accept: 'application/json',
        'x-access-token': credentials.accessToken,
        'user-agent': USER_AGENT,
      },
      redact: makeRedactor(credentials.accessToken, ''),
    }),
  );
  const get: GetResponse = async (url) => {
    try {
      return await getResponse(url);
    } catch (error) {
      throw hubriseMessage(error);
    }
  };
  const location = encodeURIComponent(credentials.locationId);
  const url = (path: string, query: Record<string, string | number> = {}): URL => {
    const u = new URL(path, apiRoot);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, String(v));
    return u;
  };
  const maxPages = Math.max(1, options.maxPages ?? HUBRISE_DEFAULTS.maxPages);
  const pageSize = Math.min(
    HUBRISE_DEFAULTS.pageSize,
    Math.max(1, options.pageSize ?? HUBRISE_DEFAULTS.pageSize),
  );
  const now = options.now ?? (() => new Date());

  /** Follows `X-Cursor-Next` until it is absent; a cursor seen twice or too many pages is an error. */
  async function eachPage(
    path: string,
    query: Record<string, string>,
    what: string,
    take: (items: unknown[]) => void,
  ) {
    const cursors = new Set<string>();
    let cursor: string | null = null;
    for (let page = 1; ; page += 1) {
      const q: Record<string, string | number> = { ...query, count: pageSize };
      if (cursor !== null) q.cursor = cursor;
      const res = await get(url(path, q));
      if (!Array.isArray(res.json))
        throw new TillError('unexpected_response', undefined, `${what} p${page}: liste attendue`);
      take(res.json as unknown[]);
      const next = res.header('x-cursor-next') ?? '';
      if (next === '') return;
      if (cursors.has(next))
        throw new TillError(
          'unexpected_response',
          undefined,
          `${what}: curseur ${next.slice(0, 20)} déjà vu`,
        );
      if (page >= maxPages)
        throw new TillError(
          'too_large',
          'HubRise annonce plus de pages que la limite autorisée.',
          `${what}: plus de ${maxPages} pages`,
        );
      cursors.add(next);
      cursor = next;
    }
  }

  let locationInfo: Promise<{ name: string; rule: DayRule }> | undefined;
  const readLocation = () =>
    (locationInfo ??= get(url(`locations/${location}`)).then(({ json }) => {
      const body = expectBody(locationBody, json, 'location');
      if (body.id !== credentials.locationId)
        throw new TillError('unexpected_response', undefined, `location: ${body.id} reçu`);
      return {
        name: body.name,
        rule: {
          timeZone: body.timezone?.name ?? HUBRISE_DEFAULTS.timeZone,
          cutoff: body.cutoff_time ?? HUBRISE_DEFAULTS.cutoff,
        },
      };
    })).catch((error: unknown) => {
      locationInfo = undefined;
      throw error;
    });

  let catalogInfo: Promise<string> | undefined;
  const readCatalogId = () =>
    (catalogInfo ??= (async () => {
      if (credentials.catalogId !== null) {
        const { json } = await get(
          url(`catalogs/${encodeURIComponent(credentials.catalogId)}`, { hide_data: 'true' }),
        );
        return expectBody(catalogBody, json, 'catalog').id;
      }
      const { json } = await get(url(`locations/${location}/catalogs`));
      const list = expectBody(catalogsBody, json, 'catalogs');
      const chosen = list.find((c) => c.location_id === credentials.locationId) ?? list[0];
      if (!chosen) throw new TillError('unknown_site', 'Ce point de vente HubRise n’a aucun catalogue.');
      return chosen.id;
    })()).catch((error: unknown) => {
      catalogInfo = undefined;
      throw error;
    });

  const window = (rule: DayRule, day: string) => ({
    start: zonedToUtc(day, `${rule.cutoff}:00`, rule.timeZone),
    end: zonedToUtc(addDays(day, 1), `${rule.cutoff}:00`, rule.timeZone),
  });

  const listProducts: TillConnector['listProducts'] = async () => {
    const catalog = encodeURIComponent(await readCatalogId());
    const families = new Map<string, string>();
    await eachPage(`catalogs/${catalog}/categories`, {}, 'categories', (items) => {
      for (const raw of items) {
        const c = category.safeParse(raw);
        if (c.success) families.set(c.data.id, c.data.name);
      }
    });
    const out: Awaited<ReturnType<TillConnector['listProducts']>> = { products: [], rejected: [] };
    const seen = new Set<string>();
    await eachPage(`catalogs/${catalog}/products`, {}, 'products', (items) =>
      collectProducts(items, families, seen, out),
    );
    return out;
  };

  return {
    async testConnection() {
      const { name } = await readLocation();
      const { products } = await listProducts();
      return { siteName: name, productCount: products.length };
    },

    listProducts,

    async listTickets(day) {
      checkDay(day);
      const { rule } = await readLocation();
      const { start, end } = window(rule, day);
      const out: Awaited<ReturnType<TillConnector['listTickets']>> = { tickets: [], rejected: [] };
      const seen = new Set<string>();
      const query = { after: start.toISOString(), before: end.toISOString() };
      await eachPage(`locations/${location}/orders`, query, `orders ${day}`, (items) =>
        collectOrders(items, seen, out),
      );
      // Bounds may be inclusive on HubRise's side: an order at the very cutoff belongs to the next day.
      out.tickets = out.tickets.filter(
        (o) => o.closedAt >= start.toISOString() && o.closedAt < end.toISOString(),
      );
      return out;
    },

    async isDayClosed(day) {
      checkDay(day);
      const { rule } = await readLocation();
      return now().getTime() >= window(rule, day).end.getTime();
    },
  };
}
