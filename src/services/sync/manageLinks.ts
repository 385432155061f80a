import type { Db } from '../../db/database.ts';
import { existingDrinkIds } from '../../db/repositories/drinks.ts';
import { insertLinkEvent } from '../../db/repositories/linkEvents.ts';
import {
  deleteLink,
  linkOfProduct,
  linksOfDrink,
  updateLinkFactor,
  type TillLinkView,
} from '../../db/repositories/tillLinks.ts';
import {
  drinkSalesByDay,
  findTillProduct,
  setIgnored,
  type DrinkSaleDay,
} from '../../db/repositories/workList.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { requireMembership } from '../establishments/access.ts';
import { recordRefusal } from '../library/matchKnowledge.ts';

/** Breaking a link gives the product's sales back to stock (stock is derived) and puts it back in the work list. */
export async function breakLink(
  db: Db,
  actorId: string,
  establishmentId: string,
  tillProductId: string,
): Promise<void> {
  await requireMembership(db, establishmentId, actorId);
  const previous = await linkOfProduct(db, establishmentId, tillProductId);
  if (!previous || !(await deleteLink(db, establishmentId, tillProductId))) throw notFound('Liaison');
  await insertLinkEvent(db, establishmentId, {
    tillProductId,
    kind: 'unlink',
    drinkId: null,
    previousDrinkId: previous.drinkId,
    factor: null,
    previousFactor: previous.factor,
    accountId: actorId,
  });
}

export async function changeLinkFactor(
  db: Db,
  actorId: string,
  establishmentId: string,
  tillProductId: string,
  factor: number,
): Promise<void> {
  await requireMembership(db, establishmentId, actorId);
  const previous = await linkOfProduct(db, establishmentId, tillProductId);
  if (!previous || !(await updateLinkFactor(db, establishmentId, tillProductId, factor)))
    throw notFound('Liaison');
  if (previous.factor !== factor)
    await insertLinkEvent(db, establishmentId, {
      tillProductId,
      kind: 'factor',
      drinkId: previous.drinkId,
      previousDrinkId: previous.drinkId,
      factor,
      previousFactor: previous.factor,
      accountId: actorId,
    });
}

export async function setProductIgnored(
  db: Db,
  actorId: string,
  establishmentId: string,
  where: { id?: string; family?: string },
  ignored: boolean,
  clock: Clock,
): Promise<{ updated: number }> {
  await requireMembership(db, establishmentId, actorId);
  const updated = await setIgnored(db, establishmentId, where, ignored ? clock.now() : null);
  if (where.id && updated === 0) {
    if (!(await findTillProduct(db, establishmentId, where.id))) throw notFound('Référence caisse');
  }
  const product = where.id && ignored ? await findTillProduct(db, establishmentId, where.id) : undefined;
  if (product) {
    // an ignored product is a lesson too: its label is never proposed as a Oui from memory again
    await recordRefusal(db, establishmentId, product.label, actorId, clock.now());
  }
  return { updated };
}

type DrinkSales = {
  links: TillLinkView[];
  days: DrinkSaleDay[];
  totals: { quantity: number; revenueCents: number; depletion: number };
};

/** The drink's Ventes tab: its linked products' sales by day, the till's amounts, and the links themselves. */
export async function drinkSales(
  db: Db,
  actorId: string,
  establishmentId: string,
  drinkId: string,
  period: { from: string; to: string },
): Promise<DrinkSales> {
  await requireMembership(db, establishmentId, actorId);
  if ((await existingDrinkIds(db, establishmentId, [drinkId])).size === 0) throw notFound('Boisson');
  const links = await linksOfDrink(db, establishmentId, drinkId);
  const days = await drinkSalesByDay(db, establishmentId, drinkId, period.from, period.to);
  const factorOf = new Map(links.map((l) => [l.tillProductId, l.factor]));
  return {
    links,
    days,
    totals: {
      quantity: days.reduce((s, d) => s + d.quantity, 0),
      revenueCents: days.reduce((s, d) => s + d.revenueCents, 0),
      depletion:
        Math.round(days.reduce((s, d) => s + d.quantity * (factorOf.get(d.tillProductId) ?? 0), 0) * 1000) /
        1000,
    },
  };
}
