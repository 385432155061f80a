import { z } from 'zod';

/** The five values Astério issues when its Generic Data interface is activated. */
export type AsterioCredentials = {
  /** `https://monresto-70001.myasterio.com` */
  domain: string;
  /** `monresto-70001` */
  kmlcode: string;
  /** Often `SID`. */
  siteCode: string;
  /** By default `MONRESTO_GENERICDATA`. */
  identifier: string;
  password: string;
};

const DEFAULT_SITE_CODE = 'SID';
const KMLCODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*-\d+$/;
const SITE_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Prefills kmlcode and identifier from the domain the user pasted (with or without `https://`).
 * The identifier is the kmlcode without its trailing number, upper-cased, `-` → `_`, plus
 * `_GENERICDATA` (Astério's default). Returns null when the host does not look like an Astério one.
 */
export function deriveFromDomain(domain: string): { kmlcode: string; identifier: string } | null {
  const text = domain.trim();
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
  const kmlcode = host.split('.')[0]?.toLowerCase() ?? '';
  if (!KMLCODE_PATTERN.test(kmlcode)) return null;
  const name = kmlcode.replace(/-\d+$/, '');
  return { kmlcode, identifier: `${name.replace(/-/g, '_').toUpperCase()}_GENERICDATA` };
}

function isHttpsRoot(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === '' &&
      (url.pathname === '/' || url.pathname === '')
    );
  } catch {
    return false;
  }
}

/** The domain as users enter it: an https origin, normalised without a trailing slash. */
export const asterioDomainSchema = z
  .string({ error: 'Le domaine est requis.' })
  .trim()
  .min(1, 'Le domaine est requis.')
  .refine(isHttpsRoot, {
    message: 'Le domaine doit être une adresse https, par exemple https://monresto-70001.myasterio.com',
  })
  .transform((value) => new URL(value).origin);

export const asterioCredentialsSchema = z.object({
  domain: asterioDomainSchema,
  kmlcode: z
    .string({ error: 'Le kmlcode est requis.' })
    .trim()
    .toLowerCase()
    .regex(KMLCODE_PATTERN, 'Le kmlcode doit ressembler à « monresto-70001 ».'),
  siteCode: z
    .string({ error: 'Le code site doit être un texte.' })
    .trim()
    .regex(SITE_CODE_PATTERN, 'Le code site ne contient que lettres, chiffres, « - » ou « _ » (ex. SID).')
    .default(DEFAULT_SITE_CODE),
  identifier: z
    .string({ error: 'L’identifiant est requis.' })
    .trim()
    .min(1, 'L’identifiant est requis.')
    .max(128, 'L’identifiant est trop long.'),
  password: z
    .string({ error: 'Le mot de passe est requis.' })
    .min(1, 'Le mot de passe est requis.')
    .max(256, 'Le mot de passe est trop long.'),
});
