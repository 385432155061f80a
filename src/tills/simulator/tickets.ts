import { isActiveOn, versionAt, type SimProduct } from './catalogue.ts';
import type { Category } from './menu.ts';
import { addDays, parisInstant, weekday } from './paris.ts';
import { int, rngFor, weightedPick, type Rng } from './prng.ts';
import type { SimRestaurant } from './restaurants.ts';

export type SimLine = {
  lineId: string;
  productId: string;
  label: string;
  kind: 'sale' | 'refund' | 'void';
  quantity: number;
  amountCents: number;
  amountExclTaxCents: number;
  discountCents: number;
  soldAt: Date;
};
export type SimTicket = {
  ticketId: string;
  openedAt: Date;
  closedAt: Date;
  lines: SimLine[];
  /** Cancelled after closing (a test's edit): HubRise shows the order as cancelled. */
  cancelled?: boolean;
};

// Relative to a Friday, Sunday first.
const WEEKDAY_FACTOR = [0.9, 0.6, 0.7, 0.8, 0.9, 1, 1.15];
const MINUTE = 60_000;
// Tills keep whole seconds; so does the wire format.
const atSecond = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000);

type Shelf = { products: SimProduct[]; total: number };
type Order = { product: SimProduct; quantity: number };

function shelves(catalogue: SimProduct[], day: string): Map<Category, Shelf> {
  const map = new Map<Category, Shelf>();
  for (const p of catalogue) {
    if (!isActiveOn(p, day)) continue;
    const shelf = map.get(p.category) ?? { products: [], total: 0 };
    shelf.products.push(p);
    shelf.total += p.weight;
    map.set(p.category, shelf);
  }
  return map;
}

/** What one table or bar customer orders, grouped by product as tills print it ("2 CAFE"). */
function order(rng: Rng, shelf: Map<Category, Shelf>, bar: boolean): Order[] {
  const wanted: Category[] = [];
  const add = (category: Category, p: number, times = 1): void => {
    for (let i = 0; i < times; i += 1) if (rng() < p) wanted.push(category);
  };
  if (bar) {
    add('coffee', 0.5);
    add('beer', 0.5);
    add('wine_glass', 0.3);
    add('house', 0.2);
    add('soft', 0.3);
  } else {
    const covers = [1, 2, 2, 2, 2, 3, 4, 4, 6][int(rng, 0, 8)] ?? 2;
    add('aperitif', 0.15, covers);
    add('starter', 0.3, covers);
    add('main', 0.85, covers);
    add('dessert', 0.3, covers);
    add('coffee', 0.4, covers);
    add('extra', 0.1);
    add('water', 0.6);
    const wine = rng();
    if (wine < 0.35) add('wine_btl', 1, Math.max(1, Math.round(covers / 3)));
    else if (wine < 0.6) add('wine_glass', 0.8, covers);
    else if (wine < 0.8) add('house', 1, Math.max(1, Math.round(covers / 2)));
    add('champagne', 0.05);
    add('beer', 0.1, covers);
    add('soft', 0.1, covers);
    add('digestif', 0.05, covers);
  }
  const lines = new Map<string, Order>();
  for (const category of wanted) {
    const s = shelf.get(category);
    if (!s || s.products.length === 0) continue;
    const product = weightedPick(rng, s.products, s.total);
    const line = lines.get(product.id) ?? { product, quantity: 0 };
    line.quantity += 1;
    lines.set(product.id, line);
  }
  return [...lines.values()];
}

function makeLine(
  lineId: string,
  product: SimProduct,
  day: string,
  quantity: number,
  kind: SimLine['kind'],
  soldAt: Date,
  discountShare = 0,
): SimLine {
  const { label, priceCents } = versionAt(product, day);
  const gross = priceCents * quantity;
  const discountCents = Math.round(gross * discountShare);
  const amountCents = gross - discountCents;
  const amountExclTaxCents = Math.round((amountCents * 100) / (100 + product.vatRate));
  return {
    lineId,
    productId: product.id,
    label,
    kind,
    quantity,
    amountCents,
    amountExclTaxCents,
    discountCents,
    soldAt: atSecond(soldAt.getTime()),
  };
}

function ticket(
  rng: Rng,
  shelf: Map<Category, Shelf>,
  day: string,
  opened: Date,
  bar: boolean,
): SimTicket | null {
  const orders = order(rng, shelf, bar);
  if (orders.length === 0) return null;
  const minutes = bar ? int(rng, 5, 30) : int(rng, 40, 130);
  const closedAt = atSecond(opened.getTime() + minutes * MINUTE);
  const step = (minutes * MINUTE) / (orders.length + 2);
  const lines = orders.map((o, i) => {
    const discount = rng() < 0.04 ? (rng() < 0.3 ? 1 : 0.1) : 0;
    return makeLine(
      String(i + 1),
      o.product,
      day,
      o.quantity,
      'sale',
      new Date(opened.getTime() + step * (i + 1)),
      discount,
    );
  });
  const roll = rng();
  const target = lines[int(rng, 0, lines.length - 1)];
  const product = orders.find((o) => o.product.id === target?.productId)?.product;
  if (product && roll < 0.04) {
    // A void: a line keyed by mistake and cancelled just after, as a negative line.
    const at = new Date((target?.soldAt.getTime() ?? opened.getTime()) + MINUTE);
    lines.push(makeLine(String(lines.length + 1), product, day, -1, roll < 0.033 ? 'void' : 'refund', at));
  }
  return { ticketId: '', openedAt: opened, closedAt, lines };
}

/** A business day's tickets, before any later correction. Depends only on seed, restaurant and day. */
export function generateDay(
  r: SimRestaurant,
  seed: number,
  catalogue: SimProduct[],
  day: string,
): SimTicket[] {
  if (r.closedWeekdays.includes(weekday(day))) return [];
  const rng = rngFor(seed, r.kmlcode, 'tickets', day);
  const shelf = shelves(catalogue, day);
  const factor = (WEEKDAY_FACTOR[weekday(day)] ?? 1) * (0.92 + rng() * 0.16);
  const services = [
    { count: Math.round(r.lunchTickets * factor), from: 12 * 60, to: 14 * 60 + 30 },
    {
      count: Math.round(r.dinnerTickets * factor),
      from: 19 * 60,
      to: r.lateNight ? 24 * 60 + 30 : 22 * 60 + 30,
    },
  ];
  const tickets: SimTicket[] = [];
  let lineCount = 0;
  for (const s of services) {
    for (let i = 0; i < s.count && tickets.length < r.maxTickets; i += 1) {
      const opened = atSecond(parisInstant(day, s.from + rng() * (s.to - s.from)).getTime());
      const t = ticket(rng, shelf, day, opened, rng() < r.barShare);
      if (!t || lineCount + t.lines.length > r.maxLines) continue;
      lineCount += t.lines.length;
      tickets.push(t);
    }
  }
  tickets.sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime());
  const compact = day.replace(/-/g, '');
  tickets.forEach((t, i) => (t.ticketId = `${compact}-${String(i + 1).padStart(5, '0')}`));
  return tickets;
}

/**
 * The till correction of a day, if any: a refund keyed the next morning on a past ticket, so that
 * re-importing the day yields exactly one more line.
 */
export function correctionFor(
  r: SimRestaurant,
  seed: number,
  tickets: SimTicket[],
  catalogue: SimProduct[],
  day: string,
): { ticketId: string; line: SimLine } | null {
  const rng = rngFor(seed, r.kmlcode, 'correction', day);
  if (tickets.length === 0 || rng() >= 0.5) return null;
  const t = tickets[int(rng, 0, tickets.length - 1)];
  const sold = t?.lines.find((l) => l.quantity > 0);
  const product = catalogue.find((p) => p.id === sold?.productId);
  if (!t || !product) return null;
  const at = parisInstant(addDays(day, 1), 11 * 60 + int(rng, 0, 59));
  return { ticketId: t.ticketId, line: makeLine(String(t.lines.length + 1), product, day, -1, 'refund', at) };
}
