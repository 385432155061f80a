import { z } from 'zod';
import { CATALOGUE_FIELDS } from '../../services/library/importSupplierCatalogue.ts';

export const librarySearchQuery = z.object({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(15),
});

export const matchBody = z.object({
  label: z
    .string()
    .min(1, { message: 'Libellé vide' })
    .max(500, { message: 'Libellé trop long (500 caractères au plus)' }),
});

export const catalogueImportBody = z.object({
  csv: z
    .string()
    .min(1, { message: 'Fichier vide' })
    .max(5_000_000, { message: 'Fichier trop volumineux (5 Mo au plus)' }),
  separator: z.enum([',', ';', '\t']).optional(),
  mapping: z.partialRecord(z.enum(CATALOGUE_FIELDS), z.string().min(1).max(100)),
});
