import { z } from 'zod';
import { TILL_ERROR_CODES } from '../../tills/errors.ts';
import { establishmentParams, shortText, timestamp, uuid } from '../schemas.ts';

// Shapes only: the till's own rules (https domain, kmlcode form) are checked by the service with French messages.
// One flat body for every till; the service checks the fields of the chosen till, with French messages.
export const tillConnectionBody = z.object({
  tillType: z
    .enum(['asterio', 'hubrise'], { message: 'Caisse inconnue : Astério ou HubRise' })
    .default('asterio'),
  /** Astério. */
  domain: z.string().max(300, { message: 'Domaine trop long' }).optional(),
  kmlcode: z.string().max(100, { message: 'Kmlcode trop long' }).optional(),
  siteCode: shortText(32, 'Code site').optional(),
  identifier: z.string().max(128, { message: 'Identifiant trop long' }).optional(),
  password: z.string().max(256, { message: 'Mot de passe trop long' }).optional(),
  /** HubRise: what it issues for a location; `apiOrigin` other than api.hubrise.com only under the dev switch. */
  locationId: z.string().max(40, { message: 'Identifiant de point de vente trop long' }).optional(),
  catalogId: z.string().max(40, { message: 'Identifiant de catalogue trop long' }).nullable().optional(),
  accessToken: z.string().max(256, { message: 'Jeton d’accès trop long' }).optional(),
  apiOrigin: z.string().max(300, { message: 'Adresse trop longue' }).optional(),
});

export const tillParams = establishmentParams.extend({ tillId: uuid('identifiant de caisse') });

const tillName = z.string().max(100, { message: 'Nom de caisse trop long' });
/** A new till: its name (by default the till's type, numbered when taken) and what its till issues. */
export const tillAddBody = tillConnectionBody.extend({ name: tillName.optional() });
/** A till's new credentials (a secret left out keeps the stored one) and, optionally, its new name. */
export const tillUpdateBody = tillConnectionBody.extend({ name: tillName.optional() });

/* Responses. */
export const tillConnectionResponse = z.object({
  id: z.uuid(),
  /** Shown wherever the till is named: "Bar", "Restaurant". */
  name: z.string(),
  /** A removed till: never imported again, its products, links and sales kept read-only. */
  archivedAt: timestamp.nullable(),
  tillType: z.enum(['asterio', 'hubrise']),
  /** HubRise: the API origin. */
  domain: z.string(),
  /** HubRise: the location id; `siteCode` the catalog id ('' for the location's own); identifier ''. */
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
export const tillSaveResponse = z.object({ connection: tillConnectionResponse, test: tillTestResponse });
export const tillListResponse = z.object({ tills: z.array(tillConnectionResponse) });
export const tillRemoveResponse = z.object({ connection: tillConnectionResponse });
