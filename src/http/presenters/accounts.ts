import type { z } from 'zod';
import type { Account } from '../../db/repositories/accounts.ts';
import type { accountResponse, sessionsEndedResponse } from '../routes/auth.schema.ts';

/** The password hash never leaves the server; an unknown stored locale reads as French. */
export function presentAccount(a: Account): z.input<typeof accountResponse> {
  return {
    id: a.id,
    email: a.email,
    displayName: a.displayName,
    locale: a.locale === 'en' ? 'en' : 'fr',
    createdAt: a.createdAt,
  };
}

export function presentSessionsEnded(result: {
  endedSessions: number;
}): z.input<typeof sessionsEndedResponse> {
  return { endedSessions: result.endedSessions };
}
