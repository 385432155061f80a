import type { Db } from '../../db/database.ts';
import { listUnlinkedLabels, setIgnored } from '../../db/repositories/workList.ts';
import type { Clock } from '../../domain/clock.ts';
import { notDrinkReason, type NotDrinkReason } from '../../matching/index.ts';
import { requireMembership } from '../establishments/access.ts';
import { recordRefusal } from '../library/matchKnowledge.ts';

type NotDrinkProposal = { id: string; label: string; family: string | null; reason: NotDrinkReason };

/** Work-list products that the matcher reads as no drink (a dish, a coffee, a service): proposed, never hidden. */
export async function notDrinkProposals(
  db: Db,
  actorId: string,
  establishmentId: string,
): Promise<NotDrinkProposal[]> {
  await requireMembership(db, establishmentId, actorId);
  const proposals: NotDrinkProposal[] = [];
  for (const p of await listUnlinkedLabels(db, establishmentId)) {
    const reason = notDrinkReason(p.label, p.family);
    if (reason) proposals.push({ ...p, reason });
  }
  return proposals;
}

/** The user confirmed: these products are not drinks. Linked ones stay linked; each ignore is a lesson too. */
export async function ignoreProducts(
  db: Db,
  actorId: string,
  establishmentId: string,
  ids: readonly string[],
  clock: Clock,
): Promise<{ updated: number }> {
  await requireMembership(db, establishmentId, actorId);
  const wanted = new Set(ids);
  const labels = (await listUnlinkedLabels(db, establishmentId)).filter((p) => wanted.has(p.id));
  const updated = await setIgnored(db, establishmentId, { ids: labels.map((p) => p.id) }, clock.now());
  for (const p of labels) await recordRefusal(db, establishmentId, p.label, actorId, clock.now());
  return { updated };
}
