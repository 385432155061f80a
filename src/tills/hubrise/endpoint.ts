import { TillError } from '../errors.ts';
import { isDevLoopback, type TillHostPolicy } from '../network/hostPolicy.ts';
import { HUBRISE_API_ORIGIN, hubriseCredentialsSchema, type HubriseCredentials } from './credentials.ts';

// The field decides the code, so "Tester la connexion" points at the right input.
const FIELD_CODE = {
  locationId: 'unknown_site',
  catalogId: 'unknown_site',
  accessToken: 'auth_refused',
} as const;

const HUBRISE_FIXED_HOST_MESSAGE = `L’API HubRise est à ${HUBRISE_API_ORIGIN} : Cellier ne se connecte à aucune autre adresse.`;

/**
 * Validates the credentials and returns the API root. The host is fixed; a loopback origin (the simulator,
 * `http://` allowed) passes only with the policy's development switch.
 */
export function resolveHubriseEndpoint(
  input: HubriseCredentials,
  policy: TillHostPolicy,
): { credentials: HubriseCredentials; apiRoot: URL } {
  const parsed = hubriseCredentialsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    const code =
      typeof field === 'string' && field in FIELD_CODE
        ? FIELD_CODE[field as keyof typeof FIELD_CODE]
        : 'unknown_site';
    throw new TillError(code, issue?.message ?? 'Identifiants HubRise invalides.', `champ ${String(field)}`);
  }
  let origin = HUBRISE_API_ORIGIN;
  if (input.apiOrigin !== undefined && input.apiOrigin !== HUBRISE_API_ORIGIN) {
    let url: URL | null = null;
    try {
      url = new URL(input.apiOrigin);
    } catch {
      // Refused below.
    }
    const bare =
      url !== null &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === '' &&
      ['', '/'].includes(url.pathname);
    if (url === null || !bare || !isDevLoopback(url, policy))
      throw new TillError('unreachable', HUBRISE_FIXED_HOST_MESSAGE);
    origin = url.origin;
  }
  return {
    credentials: { ...parsed.data, apiOrigin: origin },
    apiRoot: new URL('/v1/', origin),
  };
}
