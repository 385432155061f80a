import { z } from 'zod';
import { euros, isoDay, pastDateTime, quantity, shortText, timestamp, uuid } from '../schemas.ts';
import { MOVEMENT_KINDS } from '../../domain/stock.ts';

const note = shortText(500, 'Note').optional();

export const movementBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('receipt'),
      quantity: quantity({ min: 0, allowZero: false }),
      occurredAt: pastDateTime.optional(),
      note,
      /** Unit purchase price in euros, excluding tax: feeds the CMUP. */
      unitPrice: euros.optional(),
      supplier: shortText(200, 'Fournisseur').optional(),
    }),
    z.object({
      kind: z.literal('loss'),
      quantity: quantity({ min: 0, allowZero: false }),
      occurredAt: pastDateTime.optional(),
      note,
    }),
    z.object({
      kind: z.literal('adjustment'),
      quantity: quantity({ min: -100_000, allowZero: false }),
      occurredAt: pastDateTime.optional(),
      note,
    }),
    z.object({
      kind: z.literal('count'),
      quantity: quantity({ min: 0 }),
      occurredAt: pastDateTime.optional(),
      note,
    }),
  ],
  { message: 'Type de mouvement inconnu (entrée, perte, ajustement ou inventaire)' },
);

export const countsBody = z.object({
  counts: z
    .array(z.object({ drinkId: uuid('identifiant de boisson'), quantity: quantity({ min: 0 }) }))
    .min(1, { message: 'Aucune quantité comptée' })
    .max(20_000, { message: "Trop de lignes d'inventaire" }),
  occurredAt: pastDateTime.optional(),
  note,
});

/* Responses. */
export const movementResponse = z.object({
  id: z.uuid(),
  drinkId: z.uuid(),
  kind: z.enum(MOVEMENT_KINDS),
  quantity: z.number(),
  occurredAt: timestamp,
  seq: z.number().int(),
  accountId: z.uuid().nullable(),
  accountEmail: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: timestamp,
  /** The drink's first count, its quantity on hand when it entered Cellier: "Stock initial". */
  initial: z.boolean(),
});
/** Linked till sales after the base, in bottles (Σ quantity × factor), one line per business day: "Ventes caisse". */
const tillSalesDayResponse = z.object({
  businessDay: isoDay,
  quantity: z.number(),
  lastSoldAt: timestamp,
});
export const movementList = z.object({
  items: z.array(movementResponse),
  tillSales: z.array(tillSalesDayResponse),
});
export const countsResponse = z.object({ recorded: z.number().int() });
