import type { Db } from '../database.ts';

/** The ledger of a count session: who counted, changed, closed or reopened what, and when. */
export type CountEvent = {
  seq: number;
  kind: string;
  drinkId: string | null;
  accountEmail: string | null;
  at: Date;
  detail: Record<string, unknown>;
};

export async function insertCountEvent(
  db: Db,
  establishmentId: string,
  e: {
    sessionId: string;
    kind: string;
    drinkId?: string | null;
    accountId: string;
    at: Date;
    detail?: object;
  },
): Promise<void> {
  await db
    .insertInto('count_event')
    .values({
      establishment_id: establishmentId,
      session_id: e.sessionId,
      kind: e.kind,
      drink_id: e.drinkId ?? null,
      account_id: e.accountId,
      at: e.at,
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}

export async function listCountEvents(
  db: Db,
  establishmentId: string,
  sessionId: string,
): Promise<CountEvent[]> {
  const rows = await db
    .selectFrom('count_event as e')
    .leftJoin('account as a', 'a.id', 'e.account_id')
    .select(['e.seq', 'e.kind', 'e.drink_id', 'a.email', 'e.at', 'e.detail'])
    .where('e.establishment_id', '=', establishmentId)
    .where('e.session_id', '=', sessionId)
    .orderBy('e.seq', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    kind: r.kind,
    drinkId: r.drink_id,
    accountEmail: r.email,
    at: r.at,
    detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>,
  }));
}
