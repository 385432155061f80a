import type { Db } from '../../db/database.ts';
import { listSalesFileTills, listUploads } from '../../db/repositories/salesFiles.ts';
import { requireMembership } from '../establishments/access.ts';

/** The sales-file tills of an establishment and its last uploads, newest first. */
export async function salesFileHistory(db: Db, accountId: string, establishmentId: string) {
  await requireMembership(db, establishmentId, accountId);
  const [tills, uploads] = await Promise.all([
    listSalesFileTills(db, establishmentId),
    listUploads(db, establishmentId),
  ]);
  return {
    tills: tills.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString() })),
    uploads: uploads.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })),
  };
}
