import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type Account = {
  id: string;
  email: string;
  displayName: string | null;
  locale: string;
  createdAt: Date;
};
type AccountWithHash = Account & { passwordHash: string };

type Db = Kysely<Database>;

const columns = ['id', 'email', 'display_name', 'locale', 'created_at', 'password_hash'] as const;

function toAccount(row: {
  id: string;
  email: string;
  display_name: string | null;
  locale: string;
  created_at: Date;
  password_hash: string;
}): AccountWithHash {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
  };
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountWithHash | undefined> {
  const row = await db.selectFrom('account').select(columns).where('email', '=', email).executeTakeFirst();
  return row && toAccount(row);
}

export async function findAccountById(db: Db, id: string): Promise<AccountWithHash | undefined> {
  const row = await db.selectFrom('account').select(columns).where('id', '=', id).executeTakeFirst();
  return row && toAccount(row);
}

export async function insertAccount(
  db: Db,
  values: { email: string; passwordHash: string; displayName: string | null; locale: string },
): Promise<AccountWithHash> {
  const row = await db
    .insertInto('account')
    .values({
      email: values.email,
      password_hash: values.passwordHash,
      display_name: values.displayName,
      locale: values.locale,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toAccount(row);
}

export async function updateAccountLocale(db: Db, id: string, locale: string): Promise<void> {
  await db.updateTable('account').set({ locale }).where('id', '=', id).execute();
}

export async function updateAccountPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('account').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}
