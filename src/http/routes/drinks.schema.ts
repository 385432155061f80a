import { z } from 'zod';
import { COLOURS, DRINK_SORTS, DRINK_TYPES } from '../../domain/drink.ts';
import {
  booleanQuery,
  euros,
  formatCl,
  itemsOf,
  pageOf,
  quantity,
  shortText,
  timestamp,
} from '../schemas.ts';

const optionalText = (max: number, label: string) => shortText(max, label).nullable().optional();
const maxVintage = new Date().getFullYear() + 1;

const drinkFields = z.object({
  type: z.enum(DRINK_TYPES, { message: 'Type de boisson inconnu' }).default('wine'),
  colour: z.enum(COLOURS, { message: 'Couleur inconnue' }).nullable().optional(),
  producer: optionalText(200, 'Producteur'),
  cuvee: optionalText(200, 'Cuvée'),
  appellationId: optionalText(120, 'Appellation'),
  appellation: optionalText(200, 'Appellation'),
  region: optionalText(100, 'Région'),
  country: optionalText(100, 'Pays'),
  grapes: z.array(shortText(60, 'Cépage')).max(20, { message: '20 cépages au plus' }).default([]),
  vintage: z
    .number()
    .int({ message: 'Millésime : une année' })
    .min(1800, { message: 'Millésime trop ancien' })
    .max(maxVintage, { message: 'Millésime dans le futur' })
    .nullable()
    .default(null),
  formatCl: formatCl.default(75),
  purchasePrice: euros.nullable().optional(),
  salePrice: euros.nullable().optional(),
  location: optionalText(100, 'Emplacement'),
  minStock: quantity({ min: 0 }).nullable().optional(),
});
const named = (d: {
  producer?: string | null;
  cuvee?: string | null;
  appellation?: string | null;
  appellationId?: string | null;
}) => [d.producer, d.cuvee, d.appellation, d.appellationId].some((v) => v && v.trim() !== '');
const nameRequired = {
  message: 'Indiquez au moins un producteur, une cuvée ou une appellation',
  path: ['producer'],
};
export const drinkBody = drinkFields.refine(named, nameRequired);
export type DrinkBody = z.infer<typeof drinkBody>;

/** "Combien en cave aujourd'hui ?": bottles on hand when a drink is created, its first count (empty = 0). */
export const onHand = z
  .number({ message: 'Nombre de bouteilles en cave attendu' })
  .finite({ message: 'Nombre de bouteilles invalide' })
  .min(0, { message: 'Le nombre de bouteilles en cave ne peut pas être négatif' })
  .max(100_000, { message: 'Trop de bouteilles (100 000 au plus)' })
  .refine((v) => Math.abs(Math.round(v * 1000) - v * 1000) < 1e-6, { message: 'Trois décimales au plus' })
  .nullable()
  .optional();
export const createDrinkBody = drinkFields.extend({ onHand }).refine(named, nameRequired);

export const drinkListQuery = z.object({
  q: z.string().max(200).optional(),
  colour: z.enum(COLOURS).optional(),
  type: z.enum(DRINK_TYPES).optional(),
  region: z.string().max(100).optional(),
  inStock: booleanQuery.optional(),
  archived: booleanQuery.optional(),
  sort: z.enum(DRINK_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const archiveBody = z.object({ archived: z.boolean() });

/* Responses. */
export const drinkResponse = z.object({
  id: z.uuid(),
  libraryEntryId: z.string().nullable(),
  type: z.enum(DRINK_TYPES),
  colour: z.enum(COLOURS).nullable(),
  producer: z.string().nullable(),
  cuvee: z.string().nullable(),
  appellationId: z.string().nullable(),
  appellation: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  grapes: z.array(z.string()),
  vintage: z.number().int().nullable(),
  formatCl: z.number(),
  purchasePrice: z.number().nullable(),
  salePrice: z.number().nullable(),
  location: z.string().nullable(),
  minStock: z.number().nullable(),
  archivedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  stock: z.number(),
  lastCountAt: timestamp.nullable(),
  stockValue: z.number().nullable(),
  /** Linked to at least one till product (the yellow till icon). */
  tillLinked: z.boolean(),
});
export const drinkPage = pageOf(drinkResponse);
export const regionList = itemsOf(z.string());
