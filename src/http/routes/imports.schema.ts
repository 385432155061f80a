import { z } from 'zod';
import { isoDay, isoDayInput, timestamp, uuid } from '../schemas.ts';
import { tillStateResponse } from './till.schema.ts';

/**
 * A day, a range, or `lastDays`: the history up to the last closed day (offered on first connection); for one
 * till (`tillId`) or every till in use.
 */
export const importRequestBody = z
  .object({
    tillId: uuid('identifiant de caisse').optional(),
    from: isoDayInput.optional(),
    to: isoDayInput.optional(),
    lastDays: z
      .number({ message: 'Nombre de jours attendu' })
      .int({ message: 'Nombre de jours entier attendu' })
      .min(1, { message: 'Un jour au moins' })
      .max(93, { message: '93 jours au plus par demande' })
      .optional(),
  })
  .refine((b) => b.lastDays === undefined || (b.from === undefined && b.to === undefined), {
    message: 'Donnez soit des dates, soit un nombre de jours',
    path: ['lastDays'],
  });

/* Responses. */
export const importRunResponse = z.object({
  id: z.uuid(),
  /** The till read (null only for a run from before several tills whose till was gone). */
  tillId: z.uuid().nullable(),
  businessDay: isoDay,
  trigger: z.string(),
  status: z.enum(['running', 'succeeded', 'partial', 'waiting', 'failed']),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  durationMs: z.number().nullable(),
  productsNew: z.number().int(),
  productsChanged: z.number().int(),
  tickets: z.number().int(),
  lines: z.number().int(),
  linesNew: z.number().int(),
  linesChanged: z.number().int(),
  linesRemoved: z.number().int(),
  quarantined: z.number().int(),
  depleted: z.number().int(),
  revenueCents: z.number().int(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
const quarantineItemResponse = z.object({
  id: z.uuid(),
  tillId: z.uuid(),
  /** Which till the record came from ("Caisse : Bar"), "(retirée)" for a removed one. */
  tillName: z.string().nullable(),
  tillRemoved: z.boolean(),
  businessDay: isoDay,
  ticketId: z.string().nullable(),
  lineId: z.string().nullable(),
  reason: z.string(),
  raw: z.unknown(),
  createdAt: timestamp,
});
export const importOverviewResponse = z.object({
  /**
   * Every till, removed ones last, by its state only for every role (the identifiers are in the owner-only till
   * settings): the runs and the quarantine name theirs by `tillId`.
   */
  tills: z.array(tillStateResponse),
  runs: z.array(importRunResponse),
  pending: z.array(isoDay),
  quarantine: z.array(quarantineItemResponse),
  lastClosedDay: isoDay,
});
export const importRequestResponse = z.object({ days: z.array(isoDay), tillIds: z.array(z.uuid()) });
