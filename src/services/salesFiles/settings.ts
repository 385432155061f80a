import { z } from 'zod';
import { columnMappingSchema } from '../../tills/salesFile/mapping.ts';
import { SEPARATORS } from '../../tills/salesFile/separator.ts';

/** How to read a file: everything optional is detected; the mapping comes from the user, a preset or a guess. */
export const salesFileSettingsSchema = z.object({
  encoding: z.enum(['utf-8', 'windows-1252']).optional(),
  separator: z.enum(SEPARATORS).optional(),
  mapping: columnMappingSchema.optional(),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Jour attendu au format AAAA-MM-JJ' })
    .optional(),
  tillName: z.string().trim().min(1).max(80).default('Fichier de ventes'),
  /** Saves the mapping under this name for the next files. */
  presetName: z.string().trim().min(1).max(80).optional(),
});
export type SalesFileSettings = z.infer<typeof salesFileSettingsSchema>;
