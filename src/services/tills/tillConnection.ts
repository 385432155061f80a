import type { Db } from '../../db/database.ts';
import {
  findTillConnection,
  recordTillStatus,
  upsertTillConnection,
  type StoredTillConnection,
} from '../../db/repositories/tillConnections.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, invalidField, notFound } from '../../domain/errors.ts';
import { asterioCredentialsSchema } from '../../tills/asterio/credentials.ts';
import { isTillError, type TillErrorCode, type TillType } from '../../tills/connector.ts';
import { HUBRISE_HOST, hubriseCredentialsSchema } from '../../tills/hubrise/credentials.ts';
import { resolveHubriseEndpoint } from '../../tills/hubrise/endpoint.ts';
import { OWNERS, requireMembership } from '../establishments/access.ts';
import { ipLiteral } from '../../tills/network/addresses.ts';
import { ADDRESS_REFUSED, resolveAllowed, systemResolver } from '../../tills/network/guardedLookup.ts';
import {
  checkTillUrl,
  DEFAULT_HOST_POLICY,
  isDevLoopback,
  REFUSED_ADDRESS_MESSAGE,
  type TillHostPolicy,
} from '../../tills/network/hostPolicy.ts';
import { connectorFor, INTERACTIVE_MS, type TillAccess } from './tillAccess.ts';

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

type StoredValues = { domain: string; kmlcode: string; siteCode: string; identifier: string };

/** A failure says what to check, in French; never the till's body or a socket error code (no port scanner). */
export type TestOutcome =
  { ok: true; siteName: string; productCount: number } | { ok: false; code: TillErrorCode; message: string };

/** Tests of one establishment running at once in this process; a third waits its turn with a 429. */
export const MAX_TESTS_IN_FLIGHT = 2;
const inFlight = new Map<string, number>();

/** The connection as the API shows it: never the password, only whether one is stored. */
export type TillConnectionView = Omit<StoredTillConnection, 'passwordEncrypted'> & { hasPassword: true };

export const toView = ({ passwordEncrypted: _p, ...rest }: StoredTillConnection): TillConnectionView => ({
  ...rest,
  hasPassword: true,
});

export async function getTillConnection(
  db: Db,
  actorId: string,
  establishmentId: string,
): Promise<TillConnectionView | null> {
  await requireMembership(db, establishmentId, actorId, OWNERS);
  const found = await findTillConnection(db, establishmentId);
  return found ? toView(found) : null;
}

/** Saves the credentials (even when the till refuses them, marked as failing), then tests them. */
export async function saveTillConnection(
  db: Db,
  access: TillAccess,
  actorId: string,
  establishmentId: string,
  input: TillConnectionInput,
  clock: Clock,
  signal?: AbortSignal,
): Promise<{ connection: TillConnectionView; test: TestOutcome }> {
  await requireMembership(db, establishmentId, actorId, OWNERS);
  const existing = await findTillConnection(db, establishmentId);
  const hubrise = input.tillType === 'hubrise';
  const secretField = hubrise ? 'body.accessToken' : 'body.password';
  const typed = hubrise ? input.accessToken : input.password;
  // A stored secret only serves the till it was issued by.
  const kept =
    existing && existing.tillType === input.tillType
      ? access.secrets.open(existing.passwordEncrypted)
      : undefined;
  const password = typed ?? kept;
  if (password === undefined)
    throw invalidField(secretField, hubrise ? 'Le jeton d’accès est requis' : 'Le mot de passe est requis');
  const values: StoredValues = hubrise
    ? validateHubrise(access, input, password)
    : validateCredentials(access, { ...input, password });
  // The stored secret never follows new credentials to another host: whoever changes them types it again.
  const changed =
    existing &&
    (existing.tillType !== input.tillType ||
      (['domain', 'kmlcode', 'siteCode', 'identifier'] as const).some((k) => existing[k] !== values[k]));
  if (changed && typed === undefined)
    throw invalidField(
      secretField,
      hubrise
        ? 'Retapez le jeton d’accès HubRise pour changer de point de vente ou de catalogue.'
        : 'Retapez le mot de passe de la caisse pour changer le domaine, le kmlcode, le code site ou l’identifiant.',
    );
  await checkDomainAddresses(access, values.domain);
  const test = await withTestSlot(establishmentId, async () => {
    await upsertTillConnection(
      db,
      establishmentId,
      { ...values, tillType: input.tillType, passwordEncrypted: access.secrets.seal(password) },
      clock.now(),
    );
    return runTest(db, access, establishmentId, clock, signal);
  });
  const saved = await findTillConnection(db, establishmentId);
  if (!saved) throw notFound('Connexion caisse');
  return { connection: toView(saved), test };
}

export async function testTillConnection(
  db: Db,
  access: TillAccess,
  actorId: string,
  establishmentId: string,
  clock: Clock,
  signal?: AbortSignal,
): Promise<{ connection: TillConnectionView; test: TestOutcome }> {
  await requireMembership(db, establishmentId, actorId, OWNERS);
  const test = await withTestSlot(establishmentId, () => runTest(db, access, establishmentId, clock, signal));
  const saved = await findTillConnection(db, establishmentId);
  if (!saved) throw notFound('Connexion caisse');
  return { connection: toView(saved), test };
}

async function runTest(
  db: Db,
  access: TillAccess,
  establishmentId: string,
  clock: Clock,
  signal?: AbortSignal,
): Promise<TestOutcome> {
  const connection = await findTillConnection(db, establishmentId);
  if (!connection) throw notFound('Connexion caisse');
  const outcome = await callTill(access, connection, signal);
  // Nobody waits for this answer: the outcome of a cut-short test says nothing about the till.
  if (signal?.aborted) return outcome;
  await recordTillStatus(db, establishmentId, {
    status: outcome.ok ? 'ok' : outcome.code === 'auth_refused' ? 'refused' : 'failing',
    code: outcome.ok ? null : outcome.code,
    message: outcome.ok ? null : outcome.message,
    ...(outcome.ok ? { siteName: outcome.siteName } : {}),
    at: clock.now(),
  });
  return outcome;
}

async function callTill(
  access: TillAccess,
  connection: StoredTillConnection,
  signal?: AbortSignal,
): Promise<TestOutcome> {
  try {
    const result = await connectorFor(access, connection, 'interactive', undefined, signal).testConnection();
    return { ok: true, ...result };
  } catch (error) {
    if (isTillError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

async function withTestSlot<T>(establishmentId: string, run: () => Promise<T>): Promise<T> {
  const running = inFlight.get(establishmentId) ?? 0;
  if (running >= MAX_TESTS_IN_FLIGHT)
    throw new AppError(
      'rate_limited',
      'Deux tests de connexion sont déjà en cours : attendez leur résultat.',
      {
        retryAfterSeconds: 10,
      },
    );
  inFlight.set(establishmentId, running + 1);
  try {
    return await run();
  } finally {
    const left = (inFlight.get(establishmentId) ?? 1) - 1;
    if (left > 0) inFlight.set(establishmentId, left);
    else inFlight.delete(establishmentId);
  }
}

const policyOf = (access: TillAccess): TillHostPolicy => ({
  allowLoopback: access.allowInsecureLocalhost,
  domainPatterns: access.connectorOptions.domainPatterns ?? DEFAULT_HOST_POLICY.domainPatterns,
});

/** At save time, a name that resolves to an internal address is refused (and checked again at each connection). */
async function checkDomainAddresses(access: TillAccess, domain: string): Promise<void> {
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
function validateHubrise(access: TillAccess, input: TillConnectionInput, token: string): StoredValues {
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

function validateCredentials(
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
