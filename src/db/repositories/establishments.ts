import type { Kysely } from 'kysely';
import type { Database, Role } from '../schema.ts';

type Db = Kysely<Database>;

type Establishment = {
  id: string;
  name: string;
  timeZone: string;
  dayCutoffHour: number;
  isDemo: boolean;
  createdAt: Date;
};
export type EstablishmentWithRole = Establishment & { role: Role };

const toEstablishment = (row: {
  id: string;
  name: string;
  time_zone: string;
  day_cutoff_hour: number;
  is_demo: boolean;
  created_at: Date;
}): Establishment => ({
  id: row.id,
  name: row.name,
  timeZone: row.time_zone,
  dayCutoffHour: row.day_cutoff_hour,
  isDemo: row.is_demo,
  createdAt: row.created_at,
});

const columns = ['e.id', 'e.name', 'e.time_zone', 'e.day_cutoff_hour', 'e.is_demo', 'e.created_at'] as const;

export async function insertEstablishment(
  db: Db,
  values: { name: string; timeZone: string; dayCutoffHour: number; isDemo?: boolean },
): Promise<Establishment> {
  const row = await db
    .insertInto('establishment')
    .values({
      name: values.name,
      time_zone: values.timeZone,
      day_cutoff_hour: values.dayCutoffHour,
      is_demo: values.isDemo ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEstablishment(row);
}

export async function updateEstablishment(
  db: Db,
  id: string,
  values: { name?: string | undefined; timeZone?: string | undefined; dayCutoffHour?: number | undefined },
): Promise<Establishment | undefined> {
  const row = await db
    .updateTable('establishment')
    .set({
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.timeZone !== undefined ? { time_zone: values.timeZone } : {}),
      ...(values.dayCutoffHour !== undefined ? { day_cutoff_hour: values.dayCutoffHour } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toEstablishment(row);
}

export async function listEstablishmentsOf(db: Db, accountId: string): Promise<EstablishmentWithRole[]> {
  const rows = await db
    .selectFrom('establishment as e')
    .innerJoin('membership as m', 'm.establishment_id', 'e.id')
    .select([...columns, 'm.role'])
    .where('m.account_id', '=', accountId)
    .orderBy('e.name')
    .execute();
  return rows.map((r) => ({ ...toEstablishment(r), role: r.role }));
}

/** The membership is the tenant gate: no membership, no establishment (404 upstream). */
export async function findEstablishmentForMember(
  db: Db,
  establishmentId: string,
  accountId: string,
): Promise<EstablishmentWithRole | undefined> {
  const row = await db
    .selectFrom('establishment as e')
    .innerJoin('membership as m', 'm.establishment_id', 'e.id')
    .select([...columns, 'm.role'])
    .where('e.id', '=', establishmentId)
    .where('m.account_id', '=', accountId)
    .executeTakeFirst();
  return row && { ...toEstablishment(row), role: row.role };
}

export async function insertMembership(
  db: Db,
  values: { establishmentId: string; accountId: string; role: Role },
): Promise<void> {
  await db
    .insertInto('membership')
    .values({ establishment_id: values.establishmentId, account_id: values.accountId, role: values.role })
    // An invitation never changes the role of someone already a member: roles change only by setMemberRole.
    .onConflict((oc) => oc.columns(['establishment_id', 'account_id']).doNothing())
    .execute();
}

/** Locks the establishment's memberships (for the last-owner rule) and returns their roles. */
export async function lockMemberRoles(
  db: Db,
  establishmentId: string,
): Promise<{ accountId: string; role: Role }[]> {
  const rows = await db
    .selectFrom('membership')
    .select(['account_id', 'role'])
    .where('establishment_id', '=', establishmentId)
    .forUpdate()
    .execute();
  return rows.map((r) => ({ accountId: r.account_id, role: r.role }));
}

export async function setMemberRole(
  db: Db,
  values: { establishmentId: string; accountId: string; role: Role },
): Promise<void> {
  await db
    .updateTable('membership')
    .set({ role: values.role })
    .where('establishment_id', '=', values.establishmentId)
    .where('account_id', '=', values.accountId)
    .execute();
}

export type Member = {
  accountId: string;
  email: string;
  displayName: string | null;
  role: Role;
  since: Date;
};

/** Whether the e-mail is already the account of a member (visible to members anyway in the member list). */
export async function isMemberEmail(db: Db, establishmentId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .select('m.account_id')
    .where('m.establishment_id', '=', establishmentId)
    .where('a.email', '=', email)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listMembers(db: Db, establishmentId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.email', 'a.display_name', 'm.role', 'm.created_at'])
    .where('m.establishment_id', '=', establishmentId)
    .orderBy('a.email')
    .execute();
  return rows.map((r) => ({
    accountId: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    since: r.created_at,
  }));
}

export type Invitation = { id: string; email: string; role: Role; createdAt: Date };

export async function upsertInvitation(
  db: Db,
  values: { establishmentId: string; email: string; role: Role; invitedBy: string },
): Promise<Invitation> {
  await db
    .deleteFrom('invitation')
    .where('establishment_id', '=', values.establishmentId)
    .where('email', '=', values.email)
    .where('accepted_at', 'is', null)
    .execute();
  const row = await db
    .insertInto('invitation')
    .values({
      establishment_id: values.establishmentId,
      email: values.email,
      role: values.role,
      invited_by: values.invitedBy,
    })
    .returning(['id', 'email', 'role', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, email: row.email, role: row.role, createdAt: row.created_at };
}

export async function listPendingInvitations(db: Db, establishmentId: string): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('invitation')
    .select(['id', 'email', 'role', 'created_at'])
    .where('establishment_id', '=', establishmentId)
    .where('accepted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, createdAt: r.created_at }));
}

/**
 * Pending invitations for that email become memberships: at sign-up, at sign-in and when the session is read.
 * A quick indexed read when there is none, so that reading the session stays cheap.
 */
export async function acceptInvitationsFor(
  db: Db,
  email: string,
  accountId: string,
  now: Date,
): Promise<number> {
  const pending = await db
    .selectFrom('invitation')
    .select(['establishment_id', 'id', 'role'])
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .execute();
  for (const inv of pending) {
    await insertMembership(db, { establishmentId: inv.establishment_id, accountId, role: inv.role });
    await db
      .updateTable('invitation')
      .set({ accepted_at: now })
      .where('establishment_id', '=', inv.establishment_id)
      .where('id', '=', inv.id)
      .execute();
  }
  return pending.length;
}

export async function establishmentExists(db: Db, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('establishment').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

export async function findEstablishment(db: Db, id: string): Promise<Establishment | undefined> {
  const row = await db
    .selectFrom('establishment as e')
    .select(columns)
    .where('e.id', '=', id)
    .executeTakeFirst();
  return row && toEstablishment(row);
}
