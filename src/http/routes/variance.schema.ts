import { z } from 'zod';
import { establishmentParams, shortText, uuid, timestamp } from '../schemas.ts';
import { sessionDto, sessionParams } from './counts.schema.ts';

// Requests and responses of the variance (écarts) routes.
export const reasonParams = establishmentParams.extend({ reasonId: uuid('identifiant de motif') });
export const varianceDrinkParams = sessionParams.extend({ drinkId: uuid('identifiant de boisson') });

export const justifyBody = z.object({
  reasonId: uuid('identifiant de motif'),
  comment: shortText(500, 'Commentaire').optional(),
});
const label = z
  .string()
  .trim()
  .min(1, { message: 'Libellé requis' })
  .max(80, { message: 'Libellé : 80 caractères au plus' });
export const reasonBody = z.object({ label });
export const reasonPatchBody = z
  .object({ label: label.optional(), archived: z.boolean().optional() })
  .refine((v) => v.label !== undefined || v.archived !== undefined, { message: 'Rien à modifier' });
export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'pdf'], { message: 'Format : csv, xlsx ou pdf' }).default('xlsx'),
});

/** A file (CSV, XLSX or PDF) sent as bytes with its content type and a download name. */
export const exportFile = z.any().describe('Fichier CSV, XLSX ou PDF');

export const reasonDto = z.object({ id: z.string(), label: z.string(), archived: z.boolean() });
export const reasonListDto = z.object({ items: z.array(reasonDto) });

const varianceRowDto = z.object({
  drinkId: z.string(),
  name: z.string(),
  category: z.string(),
  expected: z.number(),
  counted: z.number().nullable(),
  difference: z.number().nullable(),
  unitCost: z.number().nullable(),
  tillPrice: z.number().nullable(),
  differenceCost: z.number().nullable(),
  differenceSale: z.number().nullable(),
  reasonRequired: z.boolean(),
  reason: z
    .object({
      reasonId: z.string(),
      label: z.string(),
      comment: z.string().nullable(),
      by: z.string().nullable(),
      at: timestamp,
    })
    .nullable(),
  causes: z.array(z.enum(['receipt_missing', 'unlinked_sales', 'recent_link'])),
});

const totalsDto = z.object({
  category: z.string(),
  drinks: z.number(),
  difference: z.number(),
  differenceCost: z.number(),
  differenceSale: z.number(),
  expectedCost: z.number(),
  countedCost: z.number(),
});

export const varianceDto = z.object({
  session: sessionDto,
  periodFrom: timestamp,
  rows: z.array(varianceRowDto),
  byCategory: z.array(totalsDto),
  totals: totalsDto,
  topLosses: z.array(varianceRowDto),
  missingReasons: z.number(),
  causes: z.object({
    unlinkedSold: z.array(
      z.object({
        tillProductId: z.string(),
        label: z.string(),
        family: z.string().nullable(),
        quantity: z.number(),
        revenue: z.number(),
      }),
    ),
    unlinkedRevenue: z.number(),
    receiptsMissing: z.number(),
    recentLinks: z.number(),
    linkEvents: z.array(
      z.object({
        tillProductId: z.string(),
        productLabel: z.string(),
        kind: z.enum(['link', 'relink', 'factor', 'unlink']),
        drinkId: z.string().nullable(),
        drinkName: z.string().nullable(),
        factor: z.number().nullable(),
        previousFactor: z.number().nullable(),
        by: z.string().nullable(),
        at: timestamp,
      }),
    ),
  }),
});

export const varianceHistoryDto = z.object({
  items: z.array(
    z.object({ session: sessionDto, totals: totalsDto, lossCost: z.number(), missingReasons: z.number() }),
  ),
});

export type VarianceDto = z.infer<typeof varianceDto>;
export type VarianceTotalsDto = z.infer<typeof totalsDto>;
