import { z } from 'zod';
import { SECTIONS, SERVING_ORDER, SLUG_PATTERN } from '../../domain/wineList.ts';
import { establishmentParams, euros, itemsOf, quantity, shortText, timestamp, uuid } from '../schemas.ts';

export const wineListParams = establishmentParams.extend({ wineListId: uuid('identifiant de carte') });
export const wineListItemParams = wineListParams.extend({ drinkId: uuid('identifiant de boisson') });

const slug = z.string().regex(SLUG_PATTERN, {
  message: 'Adresse : 3 à 60 caractères, lettres minuscules, chiffres et tirets (pas aux extrémités)',
});
const name = shortText(80, 'Nom').trim().min(1, { message: 'Donnez un nom à la carte' });
const section = z.enum(SECTIONS, { message: 'Rubrique inconnue' });

export const createWineListBody = z.object({ name, slug: slug.optional() });

export const updateWineListBody = z
  .object({
    name: name.optional(),
    slug: slug.optional(),
    published: z.boolean().optional(),
    headerName: shortText(120, 'En-tête').trim().min(1, { message: 'Indiquez le nom affiché' }).optional(),
    headerAddress: shortText(300, 'Adresse').nullable().optional(),
    lowStockThreshold: quantity({ min: 0 }).nullable().optional(),
    sectionOrder: z.array(section).max(SECTIONS.length).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Rien à modifier' });

export const itemBody = z.object({
  section: section.nullable().default(null),
  note: shortText(300, 'Texte').nullable().default(null),
  manualPrice: euros.nullable().default(null),
});

export const orderBody = z.union(
  [
    z.object({ order: z.literal('default') }),
    z.object({ drinkIds: z.array(uuid('identifiant de boisson')).max(5000) }),
  ],
  { message: 'Donnez l’ordre des boissons, ou « default »' },
);

// Base64 of at most 1 MB of image (4/3 of it, rounded up).
export const logoBody = z.object({
  image: z
    .string()
    .max(1_400_000, { message: 'Logo trop lourd (1 Mo au plus)' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'Image en base64 attendue' }),
});

// Responses: the web client's types come from these.
export const wineListDto = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  published: z.boolean(),
  publicPath: z.string(),
  headerName: z.string(),
  headerAddress: z.string().nullable(),
  lowStockThreshold: z.number().nullable(),
  sectionOrder: z.array(z.string()),
  manualOrder: z.boolean(),
  hasLogo: z.boolean(),
  itemCount: z.number(),
  updatedAt: timestamp,
});

const priceDto = z.object({
  serving: z.enum(SERVING_ORDER as readonly ['glass', 'carafe', 'half', 'bottle', 'magnum']),
  volumeCl: z.number(),
  price: z.number(),
  source: z.enum(['till', 'manual', 'drink']),
  tillLabel: z.string().nullable(),
});

export const entryDto = z.object({
  drinkId: z.string(),
  section: section,
  sectionOverride: section.nullable(),
  position: z.number(),
  note: z.string().nullable(),
  producer: z.string().nullable(),
  cuvee: z.string().nullable(),
  appellation: z.string().nullable(),
  region: z.string().nullable(),
  vintage: z.number().nullable(),
  formatCl: z.number(),
  prices: z.array(priceDto),
  tillLinked: z.boolean(),
  ownPrice: z.number().nullable(),
  manualPrice: z.number().nullable(),
  stock: z.number(),
  available: z.boolean(),
  lastBottles: z.boolean(),
  warnings: z.array(z.string()),
});

export const wineListsResponse = itemsOf(wineListDto);
export const wineListDetailResponse = z.object({
  list: wineListDto,
  sections: z.array(z.object({ key: section, entries: z.array(entryDto) })),
});
export const okResponse = z.object({ ok: z.literal(true) });
