import { addDays, parisDay } from '../paris.ts';
import type { RestaurantTill } from '../state.ts';
import type { SimTicket } from '../tickets.ts';
import {
  catalogueProducts,
  categoryId,
  maybeCorrupt,
  orderRecord,
  productRecord,
  type WireRecord,
} from './render.ts';

export type HubriseLocation = {
  locationId: string;
  accountId: string;
  catalogId: string;
  accessToken: string;
  till: RestaurantTill;
};

type HubriseAnswer = { status: number; body: unknown; cursorNext?: string };

const MAX_COUNT = 100;

export const hubriseError = (status: number, type: string, message: string): HubriseAnswer => ({
  status,
  body: { error_type: type, message },
});

const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(value: string | null): number | null {
  if (value === null) return 0;
  const text = Buffer.from(value, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(text);
  return match ? Number(match[1]) : null;
}

/** One page by cursor; `endless` keeps announcing a next page, as a broken upstream would. */
function page<T>(
  all: T[],
  query: URLSearchParams,
  render: (item: T) => WireRecord,
  endless: boolean,
): HubriseAnswer {
  const offset = decodeCursor(query.get('cursor'));
  const count = Number(query.get('count') ?? String(MAX_COUNT));
  if (offset === null || !Number.isInteger(count) || count < 1 || count > MAX_COUNT)
    return hubriseError(400, 'unprocessable_entity', 'cursor ou count invalide');
  const items = all.slice(offset, offset + count).map(render);
  const more = endless || offset + count < all.length;
  return { status: 200, body: items, ...(more ? { cursorNext: encodeCursor(offset + count) } : {}) };
}

function ordersIn(till: RestaurantTill, after: Date, before: Date): SimTicket[] {
  const out: SimTicket[] = [];
  const last = parisDay(before);
  for (let day = addDays(parisDay(after), -1); day <= last; day = addDays(day, 1)) {
    for (const t of till.tickets(day)) if (t.openedAt >= after && t.openedAt < before) out.push(t);
  }
  return out.sort(
    (a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.ticketId.localeCompare(b.ticketId),
  );
}

/** Answers an authenticated path below `/v1/`, already resolved to the caller's location. */
export function answerHubrise(loc: HubriseLocation, sub: string, query: URLSearchParams): HubriseAnswer {
  const { till } = loc;
  const rate = till.faults.badRecordRate ?? 0;
  const endless = till.faults.endlessPages === true;
  const today = till.today();
  if (sub === 'location') {
    return {
      status: 200,
      body: {
        id: loc.locationId,
        name: till.restaurant.name,
        account: { id: loc.accountId, name: till.restaurant.name, currency: 'EUR' },
        country: 'FR',
        timezone: { name: 'Europe/Paris', offset: 3600 },
        cutoff_time: '06:00',
      },
    };
  }
  if (sub === 'catalogs') {
    return {
      status: 200,
      body: [
        {
          id: loc.catalogId,
          location_id: loc.locationId,
          name: till.restaurant.name,
          created_at: '2025-01-06T10:00:00+01:00',
        },
      ],
    };
  }
  if (sub === 'catalog') {
    return {
      status: 200,
      body: {
        id: loc.catalogId,
        location_id: loc.locationId,
        name: till.restaurant.name,
        created_at: '2025-01-06T10:00:00+01:00',
      },
    };
  }
  const products = catalogueProducts(till.products(today), today);
  if (sub === 'categories') {
    const families = new Map(products.map((p) => [p.family.code, p.family.label]));
    const all = [...families].map(([code, label]) => ({ id: categoryId(code), ref: code, name: label }));
    return page(all, query, (c) => c, false);
  }
  if (sub === 'products') {
    return page(
      products,
      query,
      (p) => {
        const record = productRecord(p, today);
        maybeCorrupt(record, 'product', rate, `${loc.locationId}:${p.id}`);
        return record;
      },
      endless,
    );
  }
  if (sub === 'orders') {
    const after = new Date(query.get('after') ?? '');
    const before = new Date(query.get('before') ?? '');
    if (Number.isNaN(after.getTime()) || Number.isNaN(before.getTime()) || before <= after)
      return hubriseError(400, 'unprocessable_entity', 'after et before (dates ISO 8601) sont requis');
    return page(
      ordersIn(till, after, before),
      query,
      (t) => {
        const record = orderRecord(t, loc.locationId);
        const items = record.items as WireRecord[];
        items.forEach((item, i) => maybeCorrupt(item, 'item', rate, `${loc.locationId}:${t.ticketId}:${i}`));
        maybeCorrupt(record, 'order', rate, `${loc.locationId}:${t.ticketId}`);
        return record;
      },
      endless,
    );
  }
  return hubriseError(404, 'not_found', 'ressource inconnue');
}
