import { z } from 'zod';

/*
 * Zod schemas of the Astério Generic Data wire format as documented in docs/tills/asterio.md.
 * Everything wire-specific lives in this folder: when the real specification arrives, only
 * src/tills/asterio/ changes.
 */

export const MONEY = /^-?\d{1,9}(\.\d{1,2})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

/** "12.50" or "-3.2" euros (text matching MONEY) → integer cents, without going through binary floating point. */
export function decimalToCents(text: string): number {
  const negative = text.charCodeAt(0) === 45; // '-'
  let units = 0;
  let i = negative ? 1 : 0;
  for (; i < text.length && text.charCodeAt(i) !== 46; i++) units = units * 10 + (text.charCodeAt(i) - 48);
  let fraction = 0;
  for (let k = 0; k < 2; k++) {
    const at = i + 1 + k;
    fraction = fraction * 10 + (at < text.length ? text.charCodeAt(at) - 48 : 0);
  }
  const cents = units * 100 + fraction;
  return negative ? -cents : cents;
}

const money = z
  .string()
  .regex(MONEY, { error: 'montant décimal attendu (ex. "12.50")' })
  .transform(decimalToCents);

const percent = z
  .string()
  .regex(/^\d{1,2}(\.\d{1,2})?$/, { error: 'taux décimal attendu (ex. "20.00")' })
  .transform(Number);

/** An instant with an explicit offset, normalised to UTC ISO. */
const instant = z
  .string()
  .regex(INSTANT, { error: 'date-heure ISO 8601 avec fuseau attendue' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'date-heure inexistante' })
  .transform((s) => new Date(s).toISOString());

export const businessDay = z.string().regex(DAY, { error: 'date AAAA-MM-JJ attendue' });
const id = z.string().min(1).max(64);

export const siteBody = z.object({
  site: z.object({ code: z.string(), name: z.string().min(1).max(200), timezone: z.string().optional() }),
});

const pageFields = {
  page: z.number().int().min(1),
  pageCount: z.number().int().min(0),
  nextPage: z.number().int().min(2).nullable(),
  items: z.array(z.unknown()),
};

export const productsPage = z.object({ ...pageFields, total: z.number().int().min(0) });
export const ticketsPage = z.object({ ...pageFields, businessDay });

export const product = z.object({
  id,
  label: z.string().min(1).max(200),
  family: z.object({ code: z.string(), label: z.string().min(1).max(100) }).nullable(),
  vatRate: percent.nullable(),
  price: money.nullable(),
  active: z.boolean(),
});

export const ticketHead = z.object({
  ticketId: id,
  closedAt: instant,
  lines: z.array(z.unknown()),
});

export const line = z.object({
  lineId: id,
  productId: id,
  label: z.string().min(1).max(200),
  kind: z.enum(['sale', 'refund', 'void']),
  quantity: z.number().min(-100_000).max(100_000),
  amountInclTax: money,
  amountExclTax: money.nullable(),
  discount: money.nullable(),
  soldAt: instant,
});

export const dayStatus = z.object({
  businessDay,
  status: z.enum(['open', 'closed']),
  closedAt: instant.nullable(),
});
