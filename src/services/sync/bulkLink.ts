import type { Db } from '../../db/database.ts';
import { listTillProducts } from '../../db/repositories/workList.ts';
import type { Clock } from '../../domain/clock.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import { buildProposal, type Proposal } from './proposal.ts';
import { linkTillProduct } from './linkTillProduct.ts';

const MAX_REVIEW = 500;

/** The review screen of "Valider les propositions sûres": every unlinked product whose decision is oui. */
export async function safeProposals(
  db: Db,
  actorId: string,
  establishmentId: string,
  clock: Clock,
): Promise<Proposal[]> {
  await requireMembership(db, establishmentId, actorId, MANAGERS);
  const { items } = await listTillProducts(db, establishmentId, {
    status: 'unlinked',
    limit: MAX_REVIEW,
    offset: 0,
  });
  const proposals: Proposal[] = [];
  for (const p of items) {
    const proposal = await buildProposal(
      db,
      establishmentId,
      { id: p.id, label: p.label, family: p.family },
      clock.now(),
      p.tillId,
    );
    if (proposal.answer.decision === 'oui' && proposal.best) proposals.push(proposal);
  }
  return proposals;
}

/** Links the reviewed products; each proposal is recomputed here, so a stale or forged list links nothing unsafe. */
export async function linkSafeProposals(
  db: Db,
  actorId: string,
  establishmentId: string,
  tillProductIds: readonly string[],
  clock: Clock,
): Promise<{ linked: string[]; skipped: string[] }> {
  const safe = new Map(
    (await safeProposals(db, actorId, establishmentId, clock)).map((p) => [p.tillProduct.id, p]),
  );
  const linked: string[] = [];
  const skipped: string[] = [];
  for (const id of tillProductIds) {
    const p = safe.get(id);
    if (!p?.best) {
      skipped.push(id);
      continue;
    }
    await linkTillProduct(
      db,
      actorId,
      establishmentId,
      id,
      {
        kind: 'library',
        libraryEntryId: p.best.entry.id,
        vintage: p.best.vintage,
        formatCl: p.best.formatCl,
      },
      p.factor.factor,
      clock,
    );
    linked.push(id);
  }
  return { linked, skipped };
}
