import { z } from 'zod';
import { booleanQuery, establishmentParams, formatCl, isoDayInput, uuid } from '../schemas.ts';
import { drinkBody } from './drinks.schema.ts';

export const tillProductParams = establishmentParams.extend({
  tillProductId: uuid('identifiant de référence caisse'),
});

export const workListQuery = z.object({
  status: z.enum(['unlinked', 'ignored', 'linked']).default('unlinked'),
  family: z.string().max(100).optional(),
  sold: booleanQuery.optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(100),
});

export const factor = z
  .number({ message: 'Facteur attendu' })
  .min(0.000001, { message: 'Facteur trop petit (0,000001 au moins)' })
  .max(100, { message: 'Facteur trop grand (100 au plus)' });

const vintage = z
  .number()
  .int()
  .min(1800, { message: 'Millésime trop ancien' })
  .max(new Date().getFullYear() + 1, { message: 'Millésime dans le futur' })
  .nullable();

export const linkBody = z.object({
  target: z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('drink'), drinkId: uuid('identifiant de boisson') }),
      z.object({ kind: z.literal('library'), libraryEntryId: z.string().min(1).max(100), vintage, formatCl }),
      z.object({ kind: z.literal('new'), drink: drinkBody }),
    ],
    { message: 'Cible de liaison inconnue' },
  ),
  factor: factor.optional(),
});

export const factorBody = z.object({ factor });
export const ignoreBody = z.object({ ignored: z.boolean() });
export const ignoreFamilyBody = z.object({ family: z.string().min(1).max(100), ignored: z.boolean() });
export const bulkLinkBody = z.object({
  tillProductIds: z.array(uuid('identifiant de référence caisse')).min(1).max(500),
});

export const salesQuery = z.object({ from: isoDayInput.optional(), to: isoDayInput.optional() });
