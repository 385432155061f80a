import type { Db } from '../../db/database.ts';
import { updateAccountLocale } from '../../db/repositories/accounts.ts';

/** The account's interface language, chosen in the user menu. */
export async function updateLocale(db: Db, accountId: string, locale: 'fr' | 'en'): Promise<void> {
  await updateAccountLocale(db, accountId, locale);
}
