import type { Db } from '../../db/database.ts';
import { listSalesFileTills, listUploads } from '../../db/repositories/salesFiles.ts';
import { requireMembership } from '../establishments/access.ts';

/** The sales-file tills of an establishment and its last uploads, newest first. */
export async function salesFileHistory(db: Db, accountId: string, establishmentId: string) {
  await requireMembership(db, establishmentId, accountId);
  const tills = await listSalesFileTills(db, establishmentId);
  const uploads = await listUploads(db, establishmentId);
  return { tills, uploads };
}
