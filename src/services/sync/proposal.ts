import type { Db } from '../../db/database.ts';
import { drinksForEntries, type DrinkThatFits } from '../../db/repositories/drinks.ts';
import type { LibraryEntryRecord } from '../../db/repositories/library.ts';
import { findTillProduct } from '../../db/repositories/workList.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { containerFormatCl, proposeFactor } from '../../domain/linkFactor.ts';
import { requireMembership } from '../establishments/access.ts';
import { matchLabel, type ExplainedAnswer } from '../library/matcher.ts';

export type { DrinkThatFits };

export type Proposal = {
  tillProduct: { id: string; label: string; family: string | null };
  answer: ExplainedAnswer;
  /** The best entry and what the label says of it: the drink "Oui" links to. */
  best: { entry: LibraryEntryRecord; vintage: number | null; formatCl: number } | null;
  factor: { pourCl: number; factor: number };
  drinksThatFit: DrinkThatFits[];
};

export async function proposalFor(
  db: Db,
  actorId: string,
  establishmentId: string,
  tillProductId: string,
  clock: Clock,
): Promise<Proposal> {
  await requireMembership(db, establishmentId, actorId);
  const product = await findTillProduct(db, establishmentId, tillProductId);
  if (!product) throw notFound('Référence caisse');
  return buildProposal(
    db,
    establishmentId,
    { id: product.id, label: product.label, family: product.family },
    clock.now(),
    product.till_id,
  );
}

export async function buildProposal(
  db: Db,
  establishmentId: string,
  product: Proposal['tillProduct'],
  now: Date,
  /** The till the product comes from: its catalogue's profile weighs the words. */
  tillId: string,
): Promise<Proposal> {
  const answer = await matchLabel(db, establishmentId, product.label, now, tillId);
  const top = answer.candidates[0];
  const entry = top ? answer.entries[top.id] : undefined;
  const formatCl = containerFormatCl(answer.serving, answer.formatCl, entry?.type ?? 'wine');
  const best = entry && answer.decision !== 'non' ? { entry, vintage: answer.vintage, formatCl } : null;
  const factor = proposeFactor({
    serving: answer.serving,
    parsedFormatCl: answer.formatCl,
    drinkFormatCl: formatCl,
    type: entry?.type ?? 'wine',
  });
  const drinksThatFit = await drinksForEntries(
    db,
    establishmentId,
    answer.candidates.map((c) => c.id),
  );
  return {
    tillProduct: product,
    answer,
    best,
    factor,
    drinksThatFit,
  };
}
