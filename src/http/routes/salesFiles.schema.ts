import { z } from 'zod';
import { columnMappingSchema } from '../../tills/salesFile/mapping.ts';
import { salesFileSettingsSchema } from '../../services/salesFiles/settings.ts';
import { findBadText } from '../../domain/inputBounds.ts';
import { establishmentParams, isoDay, isoDayInput, itemsOf, timestamp } from '../schemas.ts';

/** The file travels as the raw body; its name and the reading settings (JSON) in the query string. */
export const salesFileQuery = z.object({
  fileName: z.string().trim().min(1, { message: 'Nom de fichier manquant' }).max(255).default('ventes'),
  settings: z
    .string()
    .max(10_000)
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return salesFileSettingsSchema.parse({});
      let json: unknown;
      try {
        json = JSON.parse(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Réglages de lecture illisibles' });
        return z.NEVER;
      }
      if (findBadText(json, 'settings') !== undefined) {
        ctx.addIssue({ code: 'custom', message: 'Texte invalide : caractère nul ou mal encodé' });
        return z.NEVER;
      }
      const parsed = salesFileSettingsSchema.safeParse(json);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
        }
        return z.NEVER;
      }
      const day = parsed.data.day === undefined ? undefined : isoDayInput.safeParse(parsed.data.day);
      if (day && !day.success) {
        ctx.addIssue({
          code: 'custom',
          message: day.error.issues[0]?.message ?? 'Jour invalide',
          path: ['day'],
        });
        return z.NEVER;
      }
      return parsed.data;
    }),
});

export const presetParams = establishmentParams.extend({
  name: z.string().trim().min(1).max(80, { message: 'Nom de modèle : 80 caractères au plus' }),
});
export const presetBody = z.object({ mapping: columnMappingSchema });

/* Responses */
const issue = z.object({ lineNo: z.number().int(), reason: z.string(), raw: z.array(z.string()) });
const mapping = columnMappingSchema;
export const presetResponse = z.object({
  name: z.string(),
  mapping,
  shipped: z.boolean(),
  source: z.string().nullable(),
});
export const presetList = itemsOf(presetResponse);

export const previewResponse = z.object({
  shape: z.object({
    format: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf-8', 'windows-1252']),
    separator: z.string(),
    headers: z.array(z.string()),
    headerLine: z.number().int(),
    sample: z.array(z.array(z.string())),
  }),
  presets: z.array(presetResponse),
  matching: z.array(z.string()),
  mapping,
  missing: z.array(z.string()),
  read: z
    .object({
      lines: z.number().int(),
      first: z.array(
        z.object({
          lineNo: z.number().int(),
          businessDay: isoDay,
          soldAt: timestamp,
          ticketId: z.string(),
          productKey: z.string(),
          label: z.string(),
          family: z.string().nullable(),
          quantity: z.number(),
          amount: z.number(),
          amountExclTax: z.number().nullable(),
        }),
      ),
      bad: z.array(issue),
      badCount: z.number().int(),
      warnings: z.array(issue),
      warningCount: z.number().int(),
      days: z.array(z.object({ day: isoDay, lines: z.number().int(), alreadyImported: z.boolean() })),
    })
    .nullable(),
});

const uploadDay = z.object({
  day: isoDay,
  status: z.enum(['new', 'replaced', 'unchanged']),
  lines: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
  revenue: z.number(),
});

export const importResponse = z.object({
  uploadId: z.uuid(),
  tillId: z.uuid(),
  tillName: z.string(),
  lines: z.number().int(),
  badCount: z.number().int(),
  warningCount: z.number().int(),
  productsNew: z.number().int(),
  revenue: z.number(),
  days: z.array(uploadDay),
  message: z.string(),
});

export const historyResponse = z.object({
  tills: z.array(z.object({ id: z.uuid(), name: z.string(), createdAt: timestamp })),
  uploads: z.array(
    z.object({
      id: z.uuid(),
      tillId: z.uuid(),
      tillName: z.string(),
      fileName: z.string(),
      sizeBytes: z.number().int(),
      format: z.string(),
      encoding: z.string(),
      presetName: z.string().nullable(),
      lines: z.number().int(),
      badLines: z.number().int(),
      warnings: z.number().int(),
      revenue: z.number(),
      days: z.array(uploadDay),
      bad: z.array(z.object({ lineNo: z.number().int(), reason: z.string() })),
      createdAt: timestamp,
    }),
  ),
});
