import type { Db } from '../../db/database.ts';
import {
  defaultTillName,
  findTillConnection,
  insertTillConnection,
  listEstablishmentTills,
  recordTillStatus,
  renameTill,
  tillNameTaken,
  updateTillCredentials,
  type StoredTillConnection,
} from '../../db/repositories/tillConnections.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, invalidField, notFound } from '../../domain/errors.ts';
import { isTillError, type TillErrorCode } from '../../tills/connector.ts';
import { OWNERS, requireMembership } from '../establishments/access.ts';
import { connectorFor, type TillAccess } from './tillAccess.ts';
import {
  checkDomainAddresses,
  validateCredentials,
  validateHubrise,
  type StoredValues,
  type TillConnectionInput,
} from './tillCredentials.ts';

export type { TillConnectionInput } from './tillCredentials.ts';

/** A failure says what to check, in French; never the till's body or a socket error code (no port scanner). */
type TestOutcome =
  { ok: true; siteName: string; productCount: number } | { ok: false; code: TillErrorCode; message: string };

/** Tests of one establishment running at once in this process; a third waits its turn with a 429. */
const MAX_TESTS_IN_FLIGHT = 2;
const inFlight = new Map<string, number>();

/** The connection as the API shows it: never the password, only whether one is stored. */
export type TillConnectionView = Omit<StoredTillConnection, 'passwordEncrypted'> & { hasPassword: true };

export const toView = ({ passwordEncrypted: _p, ...rest }: StoredTillConnection): TillConnectionView => ({
  ...rest,
  hasPassword: true,
});

const TILL_NAME_MAX = 40;

/** The establishment's tills, removed ones last (kept read-only): owners only, like the identifiers. */
export async function listTills(
  db: Db,
  actorId: string,
  establishmentId: string,
): Promise<TillConnectionView[]> {
  await requireMembership(db, establishmentId, actorId, OWNERS);
  return (await listEstablishmentTills(db, establishmentId, { withArchived: true })).map(toView);
}

type Saved = { connection: TillConnectionView; test: TestOutcome };

/** Adds a till (a bar beside a restaurant, or a new till), then tests it. */
export async function addTill(
  db: Db,
  access: TillAccess,
  actorId: string,
  establishmentId: string,
  input: TillConnectionInput & { name?: string | undefined },
  clock: Clock,
  signal?: AbortSignal,
): Promise<Saved> {
  await requireMembership(db, establishmentId, actorId, OWNERS);
  const name = await freeName(db, establishmentId, input.name, defaultTillName(input.tillType));
  const { values, password } = await checkedValues(access, undefined, input);
  return withTestSlot(establishmentId, async () => {
    const created = await insertTillConnection(
      db,
      establishmentId,
      name,
      { ...values, tillType: input.tillType, passwordEncrypted: access.secrets.seal(password) },
      clock.now(),
    );
    return testAndRead(db, access, establishmentId, created.id, clock, signal);
  });
}

/** New credentials or a new name for a till in use; credentials saved even when the till refuses them. */
export async function updateTill(
  db: Db,
  access: TillAccess,
  actorId: string,
  establishmentId: string,
  tillId: string,
  input: TillConnectionInput & { name?: string | undefined },
  clock: Clock,
  signal?: AbortSignal,
): Promise<Saved> {
  await requireMembership(db, establishmentId, actorId, OWNERS);
  const existing = await findTillConnection(db, establishmentId, tillId);
  if (!existing) throw notFound('Caisse');
  if (existing.archivedAt) throw removedTill();
  if (input.name !== undefined) {
    const name = checkName(input.name);
    if (await tillNameTaken(db, establishmentId, name, tillId)) throw nameTaken();
    await renameTill(db, establishmentId, tillId, name);
  }
  const { values, password } = await checkedValues(access, existing, input);
  return withTestSlot(establishmentId, async () => {
    await updateTillCredentials(
      db,
      establishmentId,
      tillId,
      { ...values, tillType: input.tillType, passwordEncrypted: access.secrets.seal(password) },
      clock.now(),
    );
    return testAndRead(db, access, establishmentId, tillId, clock, signal);
  });
}

/** Tests one till in use. */
export async function testTillConnection(
  db: Db,
  access: TillAccess,
  actorId: string,
  establishmentId: string,
  tillId: string,
  clock: Clock,
  signal?: AbortSignal,
): Promise<Saved> {
  await requireMembership(db, establishmentId, actorId, OWNERS);
  const till = await findTillConnection(db, establishmentId, tillId);
  if (!till) throw notFound('Caisse');
  if (till.archivedAt) throw removedTill();
  return withTestSlot(establishmentId, () =>
    testAndRead(db, access, establishmentId, till.id, clock, signal),
  );
}

export const removedTill = (): AppError =>
  new AppError(
    'conflict',
    'Cette caisse a été retirée : son historique reste consultable, mais plus modifiable.',
  );

const nameTaken = () => invalidField('body.name', 'Une autre caisse porte déjà ce nom');

function checkName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') throw invalidField('body.name', 'Le nom de la caisse est requis');
  if (name.length > TILL_NAME_MAX)
    throw invalidField('body.name', `Nom de caisse trop long (${TILL_NAME_MAX} caractères au plus)`);
  return name;
}

/** The typed name (refused when taken), or the till's type numbered past the names in use ("HubRise 2"). */
async function freeName(
  db: Db,
  establishmentId: string,
  typed: string | undefined,
  base: string,
): Promise<string> {
  if (typed !== undefined && typed.trim() !== '') {
    const name = checkName(typed);
    if (await tillNameTaken(db, establishmentId, name)) throw nameTaken();
    return name;
  }
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`;
    if (!(await tillNameTaken(db, establishmentId, name))) return name;
  }
}

/** The values to store and the secret to seal: a kept secret only serves the till and place it was issued for. */
async function checkedValues(
  access: TillAccess,
  existing: StoredTillConnection | undefined,
  input: TillConnectionInput,
): Promise<{ values: StoredValues; password: string }> {
  const hubrise = input.tillType === 'hubrise';
  const secretField = hubrise ? 'body.accessToken' : 'body.password';
  const typed = hubrise ? input.accessToken : input.password;
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
  return { values, password };
}

async function testAndRead(
  db: Db,
  access: TillAccess,
  establishmentId: string,
  tillId: string,
  clock: Clock,
  signal?: AbortSignal,
): Promise<Saved> {
  const connection = await findTillConnection(db, establishmentId, tillId);
  if (!connection) throw notFound('Caisse');
  const test = await callTill(access, connection, signal);
  // Nobody waits for this answer: the outcome of a cut-short test says nothing about the till.
  if (!signal?.aborted)
    await recordTillStatus(db, establishmentId, tillId, {
      status: test.ok ? 'ok' : test.code === 'auth_refused' ? 'refused' : 'failing',
      code: test.ok ? null : test.code,
      message: test.ok ? null : test.message,
      ...(test.ok ? { siteName: test.siteName } : {}),
      at: clock.now(),
    });
  const saved = await findTillConnection(db, establishmentId, tillId);
  if (!saved) throw notFound('Caisse');
  return { connection: toView(saved), test };
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
