import type { SimProduct } from './catalogue.ts';
import { formatParis } from './paris.ts';
import { maybeCorrupt, productRecord, ticketRecord, type WireRecord } from './render.ts';
import type { RestaurantTill } from './state.ts';
import type { SimTicket } from './tickets.ts';

export type ApiAnswer = { status: number; body: unknown };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

export const apiError = (status: number, code: string, message: string): ApiAnswer => ({
  status,
  body: { error: { code, message } },
});

function paging(query: URLSearchParams): { page: number; size: number } | null {
  const page = Number(query.get('page') ?? '1');
  const size = Number(query.get('pageSize') ?? String(DEFAULT_PAGE_SIZE));
  const valid =
    Number.isInteger(page) && page >= 1 && Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE;
  return valid ? { page, size } : null;
}

/** Only the requested slice is rendered: a busy night has ~8,000 lines. */
function paginate<T>(
  all: T[],
  render: (item: T) => WireRecord,
  page: number,
  size: number,
  endless: boolean,
): Record<string, unknown> {
  const pageCount = Math.max(1, Math.ceil(all.length / size));
  const items = all.slice((page - 1) * size, page * size).map(render);
  // A broken till that always announces one more page: the client must stop on its own.
  if (endless) return { page, pageCount: page + 1, pageSize: size, nextPage: page + 1, items };
  return { page, pageCount, pageSize: size, nextPage: page < pageCount ? page + 1 : null, items };
}

/** Answers an authenticated API path below `/genericdata/v1/{kmlcode}/sites/{siteCode}/`. */
export function answerApi(till: RestaurantTill, sub: string, query: URLSearchParams): ApiAnswer {
  const { faults, restaurant } = till;
  const rate = faults.badRecordRate ?? 0;
  const endless = faults.endlessPages === true;
  const kml = restaurant.kmlcode;
  if (sub === 'site') {
    const site = {
      code: restaurant.siteCode,
      name: restaurant.name,
      timezone: 'Europe/Paris',
      currency: 'EUR',
    };
    return { status: 200, body: { site } };
  }
  if (sub === 'products') {
    const p = paging(query);
    if (!p) return apiError(400, 'BAD_REQUEST', 'page ou pageSize invalide');
    const today = till.today();
    const all = till.products(today);
    const render = (product: SimProduct): WireRecord => {
      const record = productRecord(product, today);
      maybeCorrupt(record, 'product', rate, kml, product.id);
      return record;
    };
    return { status: 200, body: { ...paginate(all, render, p.page, p.size, endless), total: all.length } };
  }
  if (sub === 'tickets') {
    const p = paging(query);
    const day = query.get('businessDay') ?? '';
    if (!p || !DAY.test(day))
      return apiError(400, 'BAD_REQUEST', 'businessDay (AAAA-MM-JJ), page ou pageSize invalide');
    const render = (t: SimTicket): WireRecord => {
      const record = ticketRecord(t);
      const lines = record.lines as WireRecord[];
      lines.forEach((l, i) => maybeCorrupt(l, 'line', rate, kml, t.ticketId, t.lines[i]?.lineId ?? i));
      maybeCorrupt(record, 'ticket', rate, kml, t.ticketId);
      return record;
    };
    return {
      status: 200,
      body: { businessDay: day, ...paginate(till.tickets(day), render, p.page, p.size, endless) },
    };
  }
  const status = /^days\/(\d{4}-\d{2}-\d{2})\/status$/.exec(sub);
  if (status?.[1]) {
    const day = status[1];
    const closed = till.isClosed(day);
    const closedAt = closed ? formatParis(till.closingInstant(day)) : null;
    return { status: 200, body: { businessDay: day, status: closed ? 'closed' : 'open', closedAt } };
  }
  return apiError(404, 'NOT_FOUND', 'ressource inconnue');
}
