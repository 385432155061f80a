import { z } from 'zod';

/** HubRise's API lives at one fixed origin; only the development switch points Cellier at a local simulator. */
export const HUBRISE_API_ORIGIN = 'https://api.hubrise.com';
export const HUBRISE_HOST = 'api.hubrise.com';

/** What HubRise issues to a connected app for one location: its id and a location-level access token. */
export type HubriseCredentials = {
  /** `3r4s3-1`: the account id, a dash, the location number. */
  locationId: string;
  /** The location's access token (OAuth 2.0, location access level), sent as `X-Access-Token`. */
  accessToken: string;
  /** The catalog to read; null: the location's first catalog (location-level first). */
  catalogId: string | null;
  /** Development and tests only: the simulator's loopback origin, accepted under CELLIER_DEV_LOCAL_TILLS. */
  apiOrigin?: string;
};

const LOCATION_ID_PATTERN = /^[a-z0-9]{1,16}-\d{1,6}$/i;
const CATALOG_ID_PATTERN = /^[a-z0-9]{1,16}$/i;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export const hubriseCredentialsSchema = z.object({
  locationId: z
    .string({ error: 'L’identifiant du point de vente HubRise est requis.' })
    .trim()
    .regex(LOCATION_ID_PATTERN, 'L’identifiant du point de vente ressemble à « 3r4s3-1 ».'),
  accessToken: z
    .string({ error: 'Le jeton d’accès HubRise est requis.' })
    .trim()
    .regex(TOKEN_PATTERN, 'Le jeton d’accès HubRise est une suite de 16 à 128 lettres et chiffres.'),
  catalogId: z
    .string({ error: 'L’identifiant du catalogue doit être un texte.' })
    .trim()
    .regex(CATALOG_ID_PATTERN, 'L’identifiant du catalogue ressemble à « 87yu4 ».')
    .nullable()
    .default(null)
    .or(z.literal('').transform(() => null)),
});
