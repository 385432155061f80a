import type { Db } from '../../src/db/database.ts';
import {
  listEstablishmentTills,
  type StoredTillConnection,
} from '../../src/db/repositories/tillConnections.ts';

/** The one till in use of an establishment set up with a single till; several would make the test ambiguous. */
export async function soleTill(db: Db, establishmentId: string): Promise<StoredTillConnection> {
  const tills = await listEstablishmentTills(db, establishmentId);
  const [till] = tills;
  if (!till || tills.length > 1) throw new Error(`expected one till, found ${tills.length}`);
  return till;
}

export const soleTillId = async (db: Db, establishmentId: string): Promise<string> =>
  (await soleTill(db, establishmentId)).id;
