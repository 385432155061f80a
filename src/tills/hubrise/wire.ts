import { z } from 'zod';

/*
 * Zod schemas of HubRise's API as read in its public reference (docs/tills/hubrise.md). Everything
 * HubRise-specific lives in this folder. Unknown fields are ignored: HubRise adds fields over time.
 */

const MONEY = /^(-?\d{1,9}(?:\.\d{1,2})?) ([A-Z]{3})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:?\d{2})$/;

/** "9.00 EUR" → 900 cents, without binary floating point; only euros are accepted. */
const money = z
  .string()
  .regex(MONEY, { error: 'montant attendu (ex. "9.00 EUR")' })
  .refine((s) => s.endsWith(' EUR'), { error: 'devise autre que EUR' })
  .transform((s) => {
    const amount = s.slice(0, -4);
    const negative = amount.startsWith('-');
    const [units = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
    const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
    return negative ? -cents : cents;
  });

/** HubRise sends quantities as decimal strings ("2", "0.5"); a number is read too. */
const quantity = z
  .union([z.string().regex(/^-?\d{1,6}(\.\d{1,3})?$/, { error: 'quantité décimale attendue' }), z.number()])
  .transform(Number)
  .refine((n) => Number.isFinite(n) && Math.abs(n) <= 100_000, { error: 'quantité hors limites' });

const instant = z
  .string()
  .regex(INSTANT, { error: 'date-heure ISO 8601 avec fuseau attendue' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: 'date-heure inexistante' })
  .transform((s) => new Date(s).toISOString());

const id = z.string().min(1).max(64);

export const locationBody = z.object({
  id,
  name: z.string().min(1).max(200),
  timezone: z.object({ name: z.string().min(1).max(64) }).optional(),
  cutoff_time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .optional(),
});

export const catalogsBody = z.array(
  z.object({ id, name: z.string().max(200), location_id: z.string().nullable().optional() }),
);

export const catalogBody = z.object({
  id,
  name: z.string().max(200),
  data: z.object({ categories: z.array(z.unknown()).optional() }).optional(),
});

export const category = z.object({
  id,
  ref: z.string().nullable().optional(),
  name: z.string().min(1).max(100),
});

export const sku = z.object({
  id,
  ref: z.string().min(1).max(64).nullable().optional(),
  name: z.string().max(200).nullable().optional(),
  price: money,
});

export const product = z.object({
  id,
  name: z.string().min(1).max(200),
  category_id: z.string().nullable().optional(),
  skus: z.array(z.unknown()).min(1),
});

/** Orders that are not sales: refused by the restaurant, cancelled, or never delivered. */
export const VOID_STATUSES = new Set(['rejected', 'cancelled', 'delivery_failed']);
const ORDER_STATUSES = [
  'new',
  'received',
  'accepted',
  'in_preparation',
  'awaiting_shipment',
  'awaiting_collection',
  'in_delivery',
  'completed',
  'rejected',
  'cancelled',
  'delivery_failed',
] as const;

export const orderHead = z.object({
  id,
  status: z.enum(ORDER_STATUSES),
  created_at: instant,
  items: z.array(z.unknown()),
});

export const item = z.object({
  id,
  product_name: z.string().min(1).max(200),
  sku_name: z.string().max(200).nullable().optional(),
  sku_ref: z.string().min(1).max(64).nullable().optional(),
  price: money,
  quantity,
  subtotal: money.optional(),
  deleted: z.boolean().optional(),
});
