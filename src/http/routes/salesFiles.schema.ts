import { z } from 'zod';
import { columnMappingSchema } from '../../tills/salesFile/mapping.ts';
import { salesFileSettingsSchema } from '../../services/salesFiles/settings.ts';
import { establishmentParams } from '../schemas.ts';

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
      const parsed = salesFileSettingsSchema.safeParse(json);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
        }
        return z.NEVER;
      }
      return parsed.data;
    }),
});

export const presetParams = establishmentParams.extend({
  name: z.string().trim().min(1).max(80, { message: 'Nom de modèle : 80 caractères au plus' }),
});
export const presetBody = z.object({ mapping: columnMappingSchema });
