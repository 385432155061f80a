import { createRequire } from 'node:module';
import { TillError } from '../errors.ts';
import { checkTillUrl, isDevLoopback, type TillHostPolicy } from '../network/hostPolicy.ts';
import { asterioCredentialsSchema, asterioDomainSchema, type AsterioCredentials } from './credentials.ts';

function version(): string {
  try {
    const pkg = createRequire(import.meta.url)('../../../package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
export const USER_AGENT = `Cellier/${version()} (+till connector)`;

// The field decides the code, so "Tester la connexion" points at the right input.
const FIELD_CODE = {
  domain: 'unreachable',
  kmlcode: 'unknown_site',
  siteCode: 'unknown_site',
  identifier: 'auth_refused',
  password: 'auth_refused',
} as const;

/**
 * Checks the credentials and the host policy, and returns the validated values plus the API root. A loopback
 * origin (the simulator, `http://` allowed) passes only with the policy's development switch.
 */
export function resolveEndpoint(
  credentials: AsterioCredentials,
  policy: TillHostPolicy,
): { credentials: AsterioCredentials; apiRoot: URL } {
  let domain = credentials.domain;
  let local: URL | null = null;
  try {
    const url = new URL(domain.trim());
    if (isDevLoopback(url, policy)) local = url;
  } catch {
    // Reported below by the schema, with its French message.
  }
  const parsed = asterioCredentialsSchema.safeParse({
    ...credentials,
    domain: local ? 'https://localhost' : domain,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    const code =
      typeof field === 'string' && field in FIELD_CODE
        ? FIELD_CODE[field as keyof typeof FIELD_CODE]
        : 'unreachable';
    throw new TillError(
      code,
      issue?.message ?? 'Identifiants de caisse invalides.',
      `champ ${String(field)}`,
    );
  }
  if (
    local &&
    (local.username !== '' ||
      local.password !== '' ||
      local.search !== '' ||
      local.hash !== '' ||
      !['', '/'].includes(local.pathname))
  ) {
    throw new TillError(
      'unreachable',
      'Le domaine ne doit contenir ni identifiants, ni chemin, ni paramètres.',
    );
  }
  domain = local ? local.origin : asterioDomainSchema.parse(domain);
  checkTillUrl(new URL(domain), policy);
  const { kmlcode, siteCode } = parsed.data;
  const apiRoot = new URL(
    `/genericdata/v1/${encodeURIComponent(kmlcode)}/sites/${encodeURIComponent(siteCode)}/`,
    domain,
  );
  return { credentials: { ...parsed.data, domain }, apiRoot };
}

export function basicAuth(identifier: string, password: string): string {
  return `Basic ${Buffer.from(`${identifier}:${password}`).toString('base64')}`;
}
