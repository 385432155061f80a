import { z } from 'zod';
import { TILL_ERROR_CODES } from '../../tills/errors.ts';
import { shortText, timestamp } from '../schemas.ts';

// Shapes only: the till's own rules (https domain, kmlcode form) are checked by the service with French messages.
export const tillConnectionBody = z.object({
  tillType: z
    .literal('asterio', { message: 'Seule la caisse Astério est prise en charge' })
    .default('asterio'),
  domain: shortText(300, 'Domaine'),
  kmlcode: shortText(100, 'Kmlcode'),
  siteCode: shortText(32, 'Code site').optional(),
  identifier: shortText(128, 'Identifiant'),
  password: z.string().max(256, { message: 'Mot de passe trop long' }).optional(),
});

/* Responses. */
export const tillConnectionResponse = z.object({
  id: z.uuid(),
  tillType: z.literal('asterio'),
  domain: z.string(),
  kmlcode: z.string(),
  siteCode: z.string(),
  identifier: z.string(),
  /** Never the password: only that one is stored. */
  hasPassword: z.literal(true),
  isSimulator: z.boolean(),
  status: z.enum(['untested', 'ok', 'failing', 'refused']),
  statusCode: z.string().nullable(),
  statusMessage: z.string().nullable(),
  siteName: z.string().nullable(),
  lastTestedAt: timestamp.nullable(),
  lastImportAt: timestamp.nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: timestamp.nullable(),
  updatedAt: timestamp,
});
/** The connection's state for every member: no domain, kmlcode, site code or identifier (owners only). */
export const tillStateResponse = tillConnectionResponse.omit({
  domain: true,
  kmlcode: true,
  siteCode: true,
  identifier: true,
  hasPassword: true,
});
export const tillTestResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), siteName: z.string(), productCount: z.number().int() }),
  z.object({ ok: z.literal(false), code: z.enum(TILL_ERROR_CODES), message: z.string() }),
]);
export const tillConnectionEnvelope = z.object({ connection: tillConnectionResponse.nullable() });
export const tillSaveResponse = z.object({ connection: tillConnectionResponse, test: tillTestResponse });
