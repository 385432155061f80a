import crypto from 'node:crypto';
import type { Db } from '../../db/database.ts';
import {
  deleteAccountSessions,
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findLiveSession,
  insertSession,
} from '../../db/repositories/sessions.ts';
import type { Account } from '../../db/repositories/accounts.ts';

const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  accountId: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await insertSession(db, { id: hashToken(token), accountId, expiresAt });
  return { token, expiresAt };
}

/** A live session slides forward once half of its life is spent. */
export async function resolveSession(db: Db, token: string, now: Date): Promise<Account | undefined> {
  const id = hashToken(token);
  const session = await findLiveSession(db, id, now);
  if (!session) return undefined;
  if (session.expiresAt.getTime() - now.getTime() < SESSION_TTL_MS / 2) {
    await extendSession(db, id, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return session.account;
}

/** Run on the planner's tick: expired sessions are deleted, not only ignored. */
export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await deleteExpiredSessions(db, now);
}

export async function signOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, hashToken(token));
}

/** "Se déconnecter partout": every session of the account ends, the one asking included. */
export async function signOutEverywhere(db: Db, accountId: string): Promise<{ endedSessions: number }> {
  return { endedSessions: await deleteAccountSessions(db, accountId) };
}
