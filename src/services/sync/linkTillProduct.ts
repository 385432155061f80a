import type { Db } from '../../db/database.ts';
import { findDrink, findDrinkForEntry, insertDrink } from '../../db/repositories/drinks.ts';
import { findLibraryEntry } from '../../db/repositories/library.ts';
import { insertLinkEvent } from '../../db/repositories/linkEvents.ts';
import { linkOfProduct, upsertLink } from '../../db/repositories/tillLinks.ts';
import { clearIgnored, findTillProduct } from '../../db/repositories/workList.ts';
import type { Clock } from '../../domain/clock.ts';
import type { DrinkWithStock } from '../../domain/drink.ts';
import { notFound } from '../../domain/errors.ts';
import { proposeFactor } from '../../domain/linkFactor.ts';
import { parseLabel } from '../../matching/index.ts';
import { requireMembership } from '../establishments/access.ts';
import {
  drinkSearchText,
  drinkValuesFromEntry,
  resolveDrinkValues,
  type DrinkInput,
} from '../drinks/drinkValues.ts';
import { libraryEntryForDrink } from '../library/privateEntries.ts';
import { matcherFor } from '../library/matcher.ts';
import { recordLesson } from '../library/matchKnowledge.ts';

/** A link selling a fifth of a bottle or less per sale is a glass: the lesson may teach a serving word. */
const GLASS_FACTOR = 0.25;

/** Oui: an existing drink or the library entry; Presque: the entry with another vintage or format; Non: a drink entered by hand. */
export type LinkTarget =
  | { kind: 'drink'; drinkId: string }
  | { kind: 'library'; libraryEntryId: string; vintage: number | null; formatCl: number; onHand?: number }
  | { kind: 'new'; drink: DrinkInput; onHand?: number };

export async function linkTillProduct(
  db: Db,
  actorId: string,
  establishmentId: string,
  tillProductId: string,
  target: LinkTarget,
  factor: number | undefined,
  clock: Clock,
): Promise<{ drink: DrinkWithStock; factor: number }> {
  await requireMembership(db, establishmentId, actorId);
  const product = await findTillProduct(db, establishmentId, tillProductId);
  if (!product) throw notFound('Référence caisse');
  // the index as the user saw it (a drink created by this Non is not in it yet: its lesson is the label alone)
  const { index } = await matcherFor(db, establishmentId);
  const drinkId = await resolveTargetDrink(db, actorId, establishmentId, target, clock);
  const drink = await findDrink(db, establishmentId, drinkId);
  if (!drink) throw notFound('Boisson');
  const parsed = parseLabel(product.label);
  const chosen =
    factor ??
    proposeFactor({
      serving: parsed.serving,
      parsedFormatCl: parsed.formatCl,
      drinkFormatCl: drink.formatCl,
      type: drink.type,
    }).factor;
  const previous = await linkOfProduct(db, establishmentId, tillProductId);
  await upsertLink(db, establishmentId, { tillProductId, drinkId, factor: chosen, linkedBy: actorId });
  if (!previous || previous.drinkId !== drinkId || previous.factor !== chosen)
    await insertLinkEvent(db, establishmentId, {
      tillProductId,
      kind: !previous ? 'link' : previous.drinkId !== drinkId ? 'relink' : 'factor',
      drinkId,
      previousDrinkId: previous?.drinkId ?? null,
      factor: chosen,
      previousFactor: previous?.factor ?? null,
      accountId: actorId,
    });
  await clearIgnored(db, establishmentId, tillProductId);
  const linked = await findDrink(db, establishmentId, drinkId);
  if (!linked) throw notFound('Boisson');
  await recordLesson(db, establishmentId, index, {
    label: product.label,
    entryId: linked.libraryEntryId,
    serving: chosen <= GLASS_FACTOR ? 'glass' : null,
    actorId,
    now: clock.now(),
  });
  return { drink: linked, factor: chosen };
}

async function resolveTargetDrink(
  trx: Db,
  actorId: string,
  establishmentId: string,
  target: LinkTarget,
  clock: Clock,
): Promise<string> {
  // A drink created here starts at its base: the bottles on hand now (empty = 0); earlier sales never count.
  const base = (onHand: number | undefined) => ({ quantity: onHand ?? 0, at: clock.now() });
  switch (target.kind) {
    case 'drink':
      return target.drinkId;
    case 'library': {
      const entry = await findLibraryEntry(trx, establishmentId, target.libraryEntryId);
      if (!entry) throw notFound('Entrée de bibliothèque');
      const existing = await findDrinkForEntry(trx, establishmentId, {
        libraryEntryId: entry.id,
        vintage: target.vintage,
        formatCl: target.formatCl,
      });
      if (existing) return existing;
      const values = drinkValuesFromEntry(entry, target);
      const created = await insertDrink(
        trx,
        establishmentId,
        values,
        drinkSearchText(values),
        actorId,
        base(target.onHand),
      );
      return created.id;
    }
    case 'new': {
      const resolved = await resolveDrinkValues(trx, target.drink);
      const values = {
        ...resolved,
        libraryEntryId: await libraryEntryForDrink(trx, establishmentId, resolved),
      };
      const created = await insertDrink(
        trx,
        establishmentId,
        values,
        drinkSearchText(values),
        actorId,
        base(target.onHand),
      );
      return created.id;
    }
  }
}
