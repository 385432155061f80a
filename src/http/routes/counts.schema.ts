import { z } from 'zod';
import { DRINK_TYPES } from '../../domain/drink.ts';
import {
  establishmentParams,
  euros,
  formatCl,
  pastDateTime,
  quantity,
  shortText,
  uuid,
  timestamp,
} from '../schemas.ts';

// Requests and responses of the inventaire routes; the web client's types come from these.
export const sessionParams = establishmentParams.extend({ sessionId: uuid("identifiant d'inventaire") });

const location = z
  .string()
  .trim()
  .min(1, { message: 'Emplacement requis' })
  .max(80, { message: 'Emplacement : 80 caractères au plus' });

export const createSessionBody = z.object({
  name: shortText(120, 'Nom').optional(),
  cutoffAt: pastDateTime,
  scope: z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('all') }),
      z.object({ kind: z.literal('location'), location }),
      z.object({
        kind: z.literal('categories'),
        types: z.array(z.enum(DRINK_TYPES)).min(1, { message: 'Choisissez au moins une catégorie' }),
      }),
    ],
    { message: 'Périmètre inconnu (tout, emplacement ou catégories)' },
  ),
  blind: z.boolean().default(true),
  uncountedZero: z.boolean().default(false),
  reasonThreshold: euros.default(20),
});

export const countLineBody = z.object({
  drinkId: uuid('identifiant de boisson'),
  location,
  quantity: quantity({ min: 0 }),
});

export const removeLineBody = z.object({ drinkId: uuid('identifiant de boisson'), location });

export const addDrinkBody = z.object({
  libraryEntryId: z.string().min(1).max(100),
  vintage: z.number().int().min(1800).max(2100).nullable(),
  formatCl,
  location,
  quantity: quantity({ min: 0 }),
});

export const closeBody = z.object({ uncountedZero: z.boolean().optional() });
export const reopenBody = z.object({ reason: shortText(500, 'Motif').optional() });

export const sessionDto = z.object({
  id: z.string(),
  name: z.string(),
  cutoffAt: timestamp,
  scope: z.object({
    kind: z.enum(['all', 'location', 'categories']),
    location: z.string().nullable(),
    types: z.array(z.string()),
  }),
  blind: z.boolean(),
  uncountedZero: z.boolean(),
  reasonThreshold: z.number(),
  status: z.enum(['open', 'closed']),
  createdAt: timestamp,
  closedAt: timestamp.nullable(),
});

export const sessionListDto = z.object({ items: z.array(sessionDto) });

const countLineDto = z.object({
  location: z.string(),
  quantity: z.number(),
  countedBy: z.string().nullable(),
  countedAt: timestamp,
  previousQuantity: z.number().nullable(),
  previousBy: z.string().nullable(),
});

export const countSheetDto = z.object({
  session: sessionDto,
  drinks: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      colour: z.string().nullable(),
      producer: z.string().nullable(),
      cuvee: z.string().nullable(),
      appellation: z.string().nullable(),
      vintage: z.number().nullable(),
      formatCl: z.number(),
      location: z.string().nullable(),
      lines: z.array(countLineDto),
      counted: z.number().nullable(),
      expected: z.number().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      seq: z.number(),
      kind: z.string(),
      drinkId: z.string().nullable(),
      by: z.string().nullable(),
      at: timestamp,
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  locations: z.array(z.string()),
  canManage: z.boolean(),
});

export const lineResultDto = z.object({
  replaced: z.object({ quantity: z.number(), byOther: z.boolean() }).nullable(),
});
export const addDrinkResultDto = z.object({ drinkId: z.string(), created: z.boolean() });
export const closeResultDto = z.object({ session: sessionDto, counted: z.number(), zeroed: z.number() });

export type SessionDto = z.infer<typeof sessionDto>;
export type CountSheetDto = z.infer<typeof countSheetDto>;
