import { buildBaseCatalogue, catalogueAt, type SimProduct } from './catalogue.ts';
import type { SimFaults } from './faults.ts';
import { isForcedOpen } from './faults.ts';
import type { Library } from './library.ts';
import { addDays, parisDay, parisInstant } from './paris.ts';
import type { SimRestaurant } from './restaurants.ts';
import { correctionFor, generateDay, type SimLine, type SimTicket } from './tickets.ts';

export type Clock = { now: () => Date };

/** One restaurant's till: the generated truth plus what the clock lets the API show. */
export class RestaurantTill {
  faults: SimFaults = {};
  private base: SimProduct[] | undefined;
  // What a test keys in at the till by hand: a new price, or an extra sale (see setPrice, addSale).
  private readonly prices = new Map<string, number>();
  // Edits a contract test keys in: a product renamed or deleted, a ticket cancelled after the fact.
  private readonly labels = new Map<string, string>();
  private readonly retired = new Map<string, string>();
  private readonly cancelled = new Map<string, Date>();
  private readonly extra: { day: string; ticket: SimTicket }[] = [];
  private readonly days = new Map<
    string,
    { tickets: SimTicket[]; correction: ReturnType<typeof correctionFor> }
  >();

  constructor(
    readonly restaurant: SimRestaurant,
    private readonly seed: number,
    private readonly library: Library,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return parisDay(this.clock.now());
  }

  /** The catalogue on a day (default: today, by the clock). */
  products(day: string = this.today()): SimProduct[] {
    this.base ??= buildBaseCatalogue(this.restaurant, this.seed, this.library);
    const products = catalogueAt(this.restaurant, this.seed, this.library, this.base, day);
    if (this.prices.size + this.labels.size + this.retired.size === 0) return products;
    return products.map((p) => {
      const price = this.prices.get(p.id);
      const label = this.labels.get(p.id);
      const retiredOn = this.retired.get(p.id);
      let out = price === undefined ? p : { ...p, priceCents: price };
      // A label keyed by hand replaces the generated vintage edits.
      if (label !== undefined) out = { ...out, label, edit: out.edit?.kind === 'vintage' ? null : out.edit };
      if (retiredOn !== undefined && (out.retiredOn === null || out.retiredOn > retiredOn))
        out = { ...out, retiredOn };
      return out;
    });
  }

  /** The manager renames a product at the till; its id stays. */
  relabel(productId: string, label: string): void {
    if (!this.products().some((p) => p.id === productId)) throw new Error(`produit inconnu : ${productId}`);
    this.labels.set(productId, label);
  }

  /** The manager deletes a product from today: it is no longer sold (Astério lists it inactive). */
  remove(productId: string): void {
    if (!this.products().some((p) => p.id === productId)) throw new Error(`produit inconnu : ${productId}`);
    this.retired.set(productId, this.today());
  }

  /** A ticket cancelled now: Astério shows a void line per sold line, HubRise a cancelled order. */
  cancel(ticketId: string): void {
    this.cancelled.set(ticketId, this.clock.now());
  }

  /** The manager changes a product's price at the till; the catalogue shows it from now on. */
  setPrice(productId: string, priceCents: number): void {
    if (!this.products().some((p) => p.id === productId)) throw new Error(`produit inconnu : ${productId}`);
    this.prices.set(productId, priceCents);
  }

  /** A ticket with one sale of a product at an instant, counted in the given business day. */
  addSale(input: { day: string; productId: string; quantity: number; at: Date }): void {
    const product = this.products(input.day).find((p) => p.id === input.productId);
    if (!product) throw new Error(`produit inconnu : ${input.productId}`);
    const n = this.extra.length + 1;
    const amountCents = product.priceCents * input.quantity;
    const line: SimLine = {
      lineId: '1',
      productId: product.id,
      label: product.label,
      kind: 'sale',
      quantity: input.quantity,
      amountCents,
      amountExclTaxCents: Math.round(amountCents / (1 + product.vatRate / 100)),
      discountCents: 0,
      soldAt: input.at,
    };
    this.extra.push({
      day: input.day,
      ticket: {
        ticketId: `X${input.day.replaceAll('-', '')}${n}`,
        openedAt: input.at,
        closedAt: input.at,
        lines: [line],
      },
    });
  }

  /** Everything generated for a day, clock ignored; cached since a busy night is ~8,000 lines. */
  private generated(day: string): { tickets: SimTicket[]; correction: ReturnType<typeof correctionFor> } {
    let entry = this.days.get(day);
    if (!entry) {
      const catalogue = this.products(day);
      const tickets = generateDay(this.restaurant, this.seed, catalogue, day);
      entry = { tickets, correction: correctionFor(this.restaurant, this.seed, tickets, catalogue, day) };
      if (this.days.size > 60) this.days.delete(this.days.keys().next().value ?? '');
      this.days.set(day, entry);
    }
    return entry;
  }

  /** The correction the till will add to this day (the next morning), if any. */
  correction(day: string): ReturnType<typeof correctionFor> {
    return this.generated(day).correction;
  }

  /**
   * The tickets the till shows now: closed tickets only, with the next-day correction once keyed.
   * Returned objects are fresh copies, so callers may not alter the cache.
   */
  tickets(day: string, at: Date = this.clock.now()): SimTicket[] {
    const { tickets, correction } = this.generated(day);
    const visible: SimTicket[] = [];
    for (const t of tickets) {
      if (t.closedAt > at) continue;
      const lines = [...t.lines];
      if (correction && correction.ticketId === t.ticketId && correction.line.soldAt <= at)
        lines.push(correction.line);
      visible.push(this.withCancellation({ ...t, lines }, at));
    }
    for (const e of this.extra)
      if (e.day === day && e.ticket.closedAt <= at)
        visible.push(this.withCancellation({ ...e.ticket, lines: [...e.ticket.lines] }, at));
    return visible;
  }

  private withCancellation(ticket: SimTicket, at: Date): SimTicket {
    const when = this.cancelled.get(ticket.ticketId);
    if (when === undefined || when > at) return ticket;
    const net = new Map<string, SimLine>();
    for (const l of ticket.lines) {
      const sum = net.get(l.productId);
      net.set(
        l.productId,
        sum
          ? {
              ...sum,
              quantity: sum.quantity + l.quantity,
              amountCents: sum.amountCents + l.amountCents,
              amountExclTaxCents: sum.amountExclTaxCents + l.amountExclTaxCents,
            }
          : { ...l },
      );
    }
    const voids: SimLine[] = [];
    for (const l of net.values()) {
      if (l.quantity === 0) continue;
      voids.push({
        ...l,
        lineId: String(ticket.lines.length + voids.length + 1),
        kind: 'void',
        quantity: -l.quantity,
        amountCents: -l.amountCents,
        amountExclTaxCents: -l.amountExclTaxCents,
        discountCents: 0,
        soldAt: when,
      });
    }
    return { ...ticket, lines: [...ticket.lines, ...voids], cancelled: true };
  }

  /** Day D closes at closeHour (Paris) on D+1, unless a fault keeps it open. */
  closingInstant(day: string): Date {
    return parisInstant(addDays(day, 1), this.restaurant.closeHour * 60);
  }

  isClosed(day: string, at: Date = this.clock.now()): boolean {
    return !isForcedOpen(this.faults, day) && at >= this.closingInstant(day);
  }
}
