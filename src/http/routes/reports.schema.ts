import { z } from 'zod';
import { isoDayInput, uuid, timestamp } from '../schemas.ts';

// Requests and responses of the coût matière / reports routes.
export const periodQuery = z.object({
  from: isoDayInput.optional(),
  to: isoDayInput.optional(),
  fromSession: uuid("identifiant d'inventaire").optional(),
  toSession: uuid("identifiant d'inventaire").optional(),
  dormantDays: z.coerce.number().int().min(7).max(730).optional(),
});
export const bevExportQuery = periodQuery.extend({
  format: z.enum(['csv', 'xlsx'], { message: 'Format : csv ou xlsx' }).default('xlsx'),
  table: z.coerce.number().int().min(0).max(3).optional(),
});

const margin = z.object({
  key: z.string(),
  name: z.string(),
  category: z.string(),
  quantitySold: z.number(),
  revenueExclTax: z.number(),
  cost: z.number(),
  margin: z.number(),
  coefficient: z.number().nullable(),
});

export const bevDto = z.object({
  label: z.string(),
  fromDay: z.string().describe('Premier jour ouvré de la période (AAAA-MM-JJ)'),
  toDay: z.string().describe('Dernier jour ouvré de la période (AAAA-MM-JJ)'),
  fromAt: timestamp,
  toAt: timestamp,
  openingValue: z.number(),
  purchases: z.number(),
  closingValue: z.number(),
  consumption: z.number(),
  linkedRevenueExclTax: z.number(),
  unlinkedRevenueExclTax: z.number(),
  bevCostPercent: z.number().nullable(),
  drinks: z.array(margin),
  categories: z.array(margin),
  dormant: z.object({
    days: z.number(),
    value: z.number(),
    items: z.array(
      z.object({ drinkId: z.string(), name: z.string(), quantity: z.number(), value: z.number() }),
    ),
  }),
  stockByCategory: z.array(z.object({ category: z.string(), value: z.number() })),
});

export const overviewDto = z.object({
  bev: bevDto,
  revenueByDay: z.array(z.object({ day: z.string(), category: z.string(), revenueExclTax: z.number() })),
  bevByMonth: z.array(
    z.object({
      month: z.string(),
      revenueExclTax: z.number(),
      consumption: z.number(),
      bevCostPercent: z.number().nullable(),
    }),
  ),
});

export const costHistoryDto = z.object({
  items: z.array(
    z.object({
      validFrom: timestamp,
      unitCost: z.number(),
      stockBefore: z.number(),
      received: z.number(),
      receiptPrice: z.number(),
    }),
  ),
});

export type BevDto = z.infer<typeof bevDto>;
export type OverviewDto = z.infer<typeof overviewDto>;
