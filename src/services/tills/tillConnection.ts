import type { Db } from '../../db/database.ts';
import {
  findTillConnection,
  recordTillStatus,
  upsertTillConnection,
  type StoredTillConnection,
} from '../../db/repositories/tillConnections.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { asterioCredentialsSchema } from '../../tills/asterio/credentials.ts';
import { isTillError, type TillErrorCode } from '../../tills/connector.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import { connectorFor, type TillAccess } from './tillAccess.ts';

export type TillConnectionInput = {
  tillType: 'asterio';
  domain: string;
  kmlcode: string;
  siteCode?: string | undefined;
  identifier: string;
  /** Omitted to keep the stored password. */
  password?: string | undefined;
};

export type TestOutcome =
  | { ok: true; siteName: string; productCount: number }
  | { ok: false; code: TillErrorCode; message: string; detail: string | null };

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
  await requireMembership(db, establishmentId, actorId, MANAGERS);
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
): Promise<{ connection: TillConnectionView; test: TestOutcome }> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const existing = await findTillConnection(db, establishmentId);
  const password = input.password ?? (existing ? access.secrets.open(existing.passwordEncrypted) : undefined);
  if (password === undefined)
    throw new AppError('validation_failed', 'Le mot de passe est requis', {
      fields: [{ field: 'body.password', message: 'Le mot de passe est requis' }],
    });
  const values = validateCredentials(access, { ...input, password });
  await upsertTillConnection(
    db,
    establishmentId,
    { ...values, tillType: input.tillType, passwordEncrypted: access.secrets.seal(password) },
    clock.now(),
  );
  const test = await runTest(db, access, establishmentId, clock);
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
): Promise<{ connection: TillConnectionView; test: TestOutcome }> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const test = await runTest(db, access, establishmentId, clock);
  const saved = await findTillConnection(db, establishmentId);
  if (!saved) throw notFound('Connexion caisse');
  return { connection: toView(saved), test };
}

async function runTest(
  db: Db,
  access: TillAccess,
  establishmentId: string,
  clock: Clock,
): Promise<TestOutcome> {
  const connection = await findTillConnection(db, establishmentId);
  if (!connection) throw notFound('Connexion caisse');
  const outcome = await callTill(access, connection);
  await recordTillStatus(db, establishmentId, {
    status: outcome.ok ? 'ok' : outcome.code === 'auth_refused' ? 'refused' : 'failing',
    code: outcome.ok ? null : outcome.code,
    message: outcome.ok ? null : outcome.message,
    ...(outcome.ok ? { siteName: outcome.siteName } : {}),
    at: clock.now(),
  });
  return outcome;
}

async function callTill(access: TillAccess, connection: StoredTillConnection): Promise<TestOutcome> {
  try {
    const result = await connectorFor(access, connection).testConnection();
    return { ok: true, ...result };
  } catch (error) {
    if (isTillError(error))
      return { ok: false, code: error.code, message: error.message, detail: error.detail ?? null };
    throw error;
  }
}

function validateCredentials(access: TillAccess, input: TillConnectionInput & { password: string }) {
  const local =
    access.allowInsecureLocalhost &&
    /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(input.domain.trim());
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
  return { ...parsed.data, domain: local ? input.domain.trim().replace(/\/$/, '') : parsed.data.domain };
}
