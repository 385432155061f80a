import type { Db } from '../database.ts';

export type VarianceReason = { id: string; label: string; position: number; archived: boolean };

export const DEFAULT_REASONS = [
  'Casse',
  'Offert',
  'Consommation du personnel',
  'Vol',
  'Erreur de comptage',
  'Produit caisse non lié',
  'Réception non saisie',
  'Erreur de facteur',
];

export async function listReasons(db: Db, establishmentId: string): Promise<VarianceReason[]> {
  const rows = await db
    .selectFrom('variance_reason')
    .select(['id', 'label', 'position', 'archived_at'])
    .where('establishment_id', '=', establishmentId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    position: r.position,
    archived: r.archived_at !== null,
  }));
}

export async function insertReasons(
  db: Db,
  establishmentId: string,
  labels: readonly string[],
  from: number,
) {
  if (labels.length === 0) return;
  await db
    .insertInto('variance_reason')
    .values(labels.map((label, i) => ({ establishment_id: establishmentId, label, position: from + i })))
    .execute();
}

export async function updateReason(
  db: Db,
  establishmentId: string,
  id: string,
  patch: { label?: string | undefined; archivedAt?: Date | null | undefined },
): Promise<boolean> {
  const r = await db
    .updateTable('variance_reason')
    .set({
      ...(patch.label !== undefined ? { label: patch.label } : {}),
      ...(patch.archivedAt !== undefined ? { archived_at: patch.archivedAt } : {}),
    })
    .where('establishment_id', '=', establishmentId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

type VarianceNote = {
  drinkId: string;
  reasonId: string;
  label: string;
  comment: string | null;
  by: string | null;
  at: Date;
};

export async function upsertVarianceNote(
  db: Db,
  establishmentId: string,
  sessionId: string,
  note: { drinkId: string; reasonId: string; comment: string | null; accountId: string; at: Date },
): Promise<void> {
  const values = { reason_id: note.reasonId, comment: note.comment, account_id: note.accountId, at: note.at };
  await db
    .insertInto('count_variance_note')
    .values({ establishment_id: establishmentId, session_id: sessionId, drink_id: note.drinkId, ...values })
    .onConflict((oc) => oc.columns(['establishment_id', 'session_id', 'drink_id']).doUpdateSet(values))
    .execute();
}

export async function listVarianceNotes(
  db: Db,
  establishmentId: string,
  sessionId: string,
): Promise<VarianceNote[]> {
  const rows = await db
    .selectFrom('count_variance_note as n')
    .innerJoin('variance_reason as r', (j) =>
      j.onRef('r.establishment_id', '=', 'n.establishment_id').onRef('r.id', '=', 'n.reason_id'),
    )
    .leftJoin('account as a', 'a.id', 'n.account_id')
    .select(['n.drink_id', 'n.reason_id', 'r.label', 'n.comment', 'a.email', 'n.at'])
    .where('n.establishment_id', '=', establishmentId)
    .where('n.session_id', '=', sessionId)
    .execute();
  return rows.map((r) => ({
    drinkId: r.drink_id,
    reasonId: r.reason_id,
    label: r.label,
    comment: r.comment,
    by: r.email,
    at: r.at,
  }));
}
