import { z } from 'zod';
import {
  booleanQuery,
  establishmentParams,
  formatCl,
  isoDay,
  isoDayInput,
  timestamp,
  uuid,
} from '../schemas.ts';
import { COLOURS } from '../../domain/drink.ts';
import { drinkBody, drinkResponse, onHand } from './drinks.schema.ts';
import { libraryEntryDto, matchAnswerDto } from './library.schema.ts';

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

const factor = z
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
  /** Bottles on hand when the link creates the drink (Oui from the library, Presque, Non); ignored otherwise. */
  onHand,
});

export const factorBody = z.object({ factor });
export const ignoreBody = z.object({ ignored: z.boolean() });
export const ignoreFamilyBody = z.object({ family: z.string().min(1).max(100), ignored: z.boolean() });
export const bulkLinkBody = z.object({
  tillProductIds: z.array(uuid('identifiant de référence caisse')).min(1).max(500),
});

export const salesQuery = z.object({ from: isoDayInput.optional(), to: isoDayInput.optional() });

/* Responses. Money from the till stays in cents, as the till gives it. */
export const tillProductDto = z.object({
  id: z.uuid(),
  /** The till the product comes from: its name, and whether that till was removed (its history kept). */
  tillId: z.uuid(),
  tillName: z.string().nullable(),
  tillRemoved: z.boolean(),
  externalId: z.string(),
  label: z.string(),
  family: z.string().nullable(),
  active: z.boolean(),
  priceCents: z.number().int().nullable(),
  firstSeenOn: isoDay,
  lastSeenOn: isoDay,
  labelChangedOn: isoDay.nullable(),
  ignoredAt: timestamp.nullable(),
  quantitySold: z.number(),
  revenueCents: z.number().int(),
  saleLines: z.number().int(),
  firstSoldOn: isoDay.nullable(),
  lastSoldOn: isoDay.nullable(),
  linkedDrinkId: z.uuid().nullable(),
  hasSales: z.boolean(),
  /** Other products on this page whose labels name the same wine (a bottle and a glass button). */
  sameWineAs: z.array(z.uuid()),
});
/** Where the imports stand: an empty work list before the first night is not "all linked". */
const workListImportsDto = z.object({
  importedDays: z.number().int(),
  pendingDays: z.number().int(),
  lastRun: z
    .object({
      businessDay: isoDay,
      status: z.enum(['running', 'succeeded', 'partial', 'waiting', 'failed']),
      errorMessage: z.string().nullable(),
    })
    .nullable(),
});
export const workListResponse = z.object({
  items: z.array(tillProductDto),
  total: z.number().int(),
  unlinked: z.number().int(),
  unlinkedRevenueCents: z.number().int(),
  families: z.array(z.string()),
  /** Every product the till ever sent, linked and ignored included. */
  tillProducts: z.number().int(),
  imports: workListImportsDto,
});

export const drinkThatFitsDto = z.object({
  id: z.uuid(),
  libraryEntryId: z.string().nullable(),
  producer: z.string().nullable(),
  cuvee: z.string().nullable(),
  appellation: z.string().nullable(),
  vintage: z.number().int().nullable(),
  formatCl: z.number(),
  colour: z.enum(COLOURS).nullable(),
});
export const proposalDto = z.object({
  tillProduct: z.object({ id: z.uuid(), label: z.string(), family: z.string().nullable() }),
  answer: matchAnswerDto,
  best: z
    .object({ entry: libraryEntryDto, vintage: z.number().int().nullable(), formatCl: z.number() })
    .nullable(),
  factor: z.object({ pourCl: z.number(), factor: z.number() }),
  drinksThatFit: z.array(drinkThatFitsDto),
});
export const safeProposalsResponse = z.object({ items: z.array(proposalDto) });

export const linkResponse = z.object({ drink: drinkResponse, factor: z.number() });
export const factorResponse = z.object({ factor: z.number() });
export const ignoreResponse = z.object({ updated: z.number().int() });
export const ignoreManyBody = z.object({
  tillProductIds: z.array(uuid('identifiant de référence caisse')).min(1).max(1000),
});
/** Products the matcher reads as no drink, proposed to the user (issue 9, defect 6). */
export const notDrinksResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      label: z.string(),
      family: z.string().nullable(),
      reason: z.enum(['family', 'label']),
    }),
  ),
});
export const bulkLinkResponse = z.object({ linked: z.array(z.uuid()), skipped: z.array(z.uuid()) });

export const tillLinkDto = z.object({
  tillProductId: z.uuid(),
  drinkId: z.uuid(),
  factor: z.number(),
  label: z.string(),
  family: z.string().nullable(),
  labelChangedOn: isoDay.nullable(),
  active: z.boolean(),
  createdAt: timestamp,
  /** The till the product comes from ("Bar", "Restaurant"), and whether that till was removed. */
  tillName: z.string().nullable(),
  tillRemoved: z.boolean(),
});
export const drinkSalesResponse = z.object({
  links: z.array(tillLinkDto),
  days: z.array(
    z.object({
      day: isoDay,
      tillProductId: z.uuid(),
      label: z.string(),
      quantity: z.number(),
      revenueCents: z.number().int(),
    }),
  ),
  totals: z.object({ quantity: z.number(), revenueCents: z.number().int(), depletion: z.number() }),
  from: isoDay,
  to: isoDay,
});
