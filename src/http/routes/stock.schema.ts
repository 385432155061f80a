import { z } from 'zod';
import { isoDateTime, quantity, shortText, uuid } from '../schemas.ts';

const note = shortText(500, 'Note').optional();

export const movementBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('receipt'),
      quantity: quantity({ min: 0, allowZero: false }),
      occurredAt: isoDateTime.optional(),
      note,
    }),
    z.object({
      kind: z.literal('loss'),
      quantity: quantity({ min: 0, allowZero: false }),
      occurredAt: isoDateTime.optional(),
      note,
    }),
    z.object({
      kind: z.literal('adjustment'),
      quantity: quantity({ min: -100_000, allowZero: false }),
      occurredAt: isoDateTime.optional(),
      note,
    }),
    z.object({
      kind: z.literal('count'),
      quantity: quantity({ min: 0 }),
      occurredAt: isoDateTime.optional(),
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
  occurredAt: isoDateTime.optional(),
  note,
});
