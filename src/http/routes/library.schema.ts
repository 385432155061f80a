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
  /** The till the label comes from, so that its catalogue weighs the words; none for a typed label. */
  tillId: z.uuid({ message: 'Identifiant de caisse invalide' }).optional(),
});

/** The file as text, or as its bytes in base64 (a Windows-1252 file from French Excel is then read right). */
export const catalogueImportBody = z
  .object({
    csv: z
      .string()
      .min(1, { message: 'Fichier vide' })
      .max(5_000_000, { message: 'Fichier trop volumineux (5 Mo au plus)' })
      .optional(),
    fileBase64: z
      .base64({ message: 'Fichier mal transmis (base64 attendu)' })
      .min(1, { message: 'Fichier vide' })
      .max(6_700_000, { message: 'Fichier trop volumineux (5 Mo au plus)' })
      .optional(),
    separator: z.enum([',', ';', '\t']).optional(),
    mapping: z.partialRecord(z.enum(CATALOGUE_FIELDS), z.string().min(1).max(100)),
  })
  .refine((v) => (v.csv === undefined) !== (v.fileBase64 === undefined), {
    path: ['csv'],
    message: 'Joignez le fichier (csv ou fileBase64, un seul des deux)',
  });

/* Responses. */
const SERVINGS = ['bottle', 'half', 'magnum', 'glass', 'carafe', 'can', 'bib'] as const;
const LIBRARY_SOURCES = ['xwines', 'generic', 'establishment', 'supplier'] as const;

/** A library entry as the panel shows it; whose entry it is stays on the server. */
export const libraryEntryDto = z.object({
  id: z.string(),
  source: z.enum(LIBRARY_SOURCES),
  type: z.string(),
  colour: z.string().nullable(),
  producer: z.string().nullable(),
  cuvee: z.string().nullable(),
  appellation: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  grapes: z.array(z.string()),
  vintages: z.array(z.number().int()),
  formatsCl: z.array(z.number()),
  name: z.string(),
  subtype: z.string().nullable(),
});
export const librarySearchResponse = z.object({ items: z.array(libraryEntryDto) });

const matchCandidateDto = z.object({ id: z.string(), score: z.number(), why: z.array(z.string()) });
/** The matcher's reading of a label, its candidates and the entries they name. */
export const matchAnswerDto = z.object({
  serving: z.enum(SERVINGS).nullable(),
  formatCl: z.number().nullable(),
  vintage: z.number().int().nullable(),
  colour: z.enum(['rouge', 'blanc', 'rosé']).nullable(),
  identityText: z.string(),
  candidates: z.array(matchCandidateDto),
  decision: z.enum(['oui', 'presque', 'non']),
  entries: z.record(z.string(), libraryEntryDto),
});

export const catalogueReportDto = z.object({
  imported: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
