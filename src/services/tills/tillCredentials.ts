import { AppError, invalidField } from '../../domain/errors.ts';
import { asterioCredentialsSchema } from '../../tills/asterio/credentials.ts';
import { isTillError, type TillType } from '../../tills/connector.ts';
import { HUBRISE_HOST, hubriseCredentialsSchema } from '../../tills/hubrise/credentials.ts';
import { resolveHubriseEndpoint } from '../../tills/hubrise/endpoint.ts';
import { ipLiteral } from '../../tills/network/addresses.ts';
import { ADDRESS_REFUSED, resolveAllowed, systemResolver } from '../../tills/network/guardedLookup.ts';
import {
  checkTillUrl,
  DEFAULT_HOST_POLICY,
  isDevLoopback,
  REFUSED_ADDRESS_MESSAGE,
  type TillHostPolicy,
} from '../../tills/network/hostPolicy.ts';
import { INTERACTIVE_MS, type TillAccess } from './tillAccess.ts';

export type TillConnectionInput = {
  tillType: TillType;
  /** Astério's five values. */
  domain?: string | undefined;
  kmlcode?: string | undefined;
  siteCode?: string | undefined;
  identifier?: string | undefined;
  /** Omitted to keep the stored password. */
  password?: string | undefined;
  /** HubRise: the location, its catalog (optional) and access token (omitted to keep the stored one). */
  locationId?: string | undefined;
  catalogId?: string | null | undefined;
  accessToken?: string | undefined;
  /** HubRise's API origin: api.hubrise.com, or the simulator under the development switch. */
  apiOrigin?: string | undefined;
};

export type StoredValues = { domain: string; kmlcode: string; siteCode: string; identifier: string };

const policyOf = (access: TillAccess): TillHostPolicy => ({
  allowLoopback: access.allowInsecureLocalhost,
  domainPatterns: access.connectorOptions.domainPatterns ?? DEFAULT_HOST_POLICY.domainPatterns,
});

/** At save time, a name that resolves to an internal address is refused (and checked again at each connection). */
export async function checkDomainAddresses(access: TillAccess, domain: string): Promise<void> {
  const url = new URL(domain);
  const policy = policyOf(access);
  if (ipLiteral(url.hostname) || isDevLoopback(url, policy)) return;
  const resolve = access.connectorOptions.resolver ?? systemResolver;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      resolveAllowed(url.hostname, policy.allowLoopback, resolve),
      new Promise((done) => (timer = setTimeout(done, INTERACTIVE_MS))),
    ]);
  } catch (error) {
    // A name that does not resolve is saved, and the test then says the till is unreachable.
    if ((error as { code?: unknown }).code === ADDRESS_REFUSED)
      throw invalidField('body.domain', REFUSED_ADDRESS_MESSAGE);
  } finally {
    clearTimeout(timer);
  }
}

/** HubRise: the location's id, catalog and token; the API host is fixed (the simulator only under the switch). */
export function validateHubrise(access: TillAccess, input: TillConnectionInput, token: string): StoredValues {
  const parsed = hubriseCredentialsSchema.safeParse({
    locationId: input.locationId,
    accessToken: token,
    catalogId: input.catalogId?.trim() ? input.catalogId : null,
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({
      field: `body.${i.path.join('.')}`,
      message: i.message,
    }));
    throw new AppError('validation_failed', fields[0]?.message ?? 'Identifiants HubRise invalides', {
      fields,
    });
  }
  const apiOrigin = input.apiOrigin?.trim();
  try {
    const { credentials } = resolveHubriseEndpoint(
      { ...parsed.data, ...(apiOrigin ? { apiOrigin } : {}) },
      { allowLoopback: access.allowInsecureLocalhost, domainPatterns: [HUBRISE_HOST] },
    );
    return {
      domain: credentials.apiOrigin ?? '',
      kmlcode: credentials.locationId,
      siteCode: credentials.catalogId ?? '',
      identifier: '',
    };
  } catch (error) {
    if (isTillError(error)) throw invalidField('body.apiOrigin', error.message);
    throw error;
  }
}

export function validateCredentials(
  access: TillAccess,
  input: TillConnectionInput & { password: string },
): StoredValues & { password: string } {
  const policy = policyOf(access);
  let url: URL | null = null;
  try {
    url = new URL((input.domain ?? '').trim());
  } catch {
    // Reported by the schema below.
  }
  const local = url !== null && isDevLoopback(url, policy);
  const parsed = asterioCredentialsSchema.safeParse({
    ...input,
    domain: local ? 'https://localhost' : input.domain,
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({
      field: `body.${i.path.join('.')}`,
      message: i.message,
    }));
    throw new AppError('validation_failed', fields[0]?.message ?? 'Identifiants invalides', { fields });
  }
  const domain = local && url ? url.origin : parsed.data.domain;
  try {
    checkTillUrl(new URL(domain), policy);
  } catch (error) {
    if (isTillError(error)) throw invalidField('body.domain', error.message);
    throw error;
  }
  return { ...parsed.data, domain };
}
