import type { Db } from '../../db/database.ts';
import {
  countedTotals,
  previousClosedSession,
  type CountSession,
} from '../../db/repositories/countSessions.ts';
import { drinksInScope } from '../../db/repositories/countScope.ts';
import { unitCostsAt } from '../../db/repositories/drinkCosts.ts';
import { linkEventsSince, type LinkEvent } from '../../db/repositories/linkEvents.ts';
import { stockAt } from '../../db/repositories/stockAt.ts';
import {
  linkedDrinks,
  receiptsBetween,
  tillBottlePrices,
  unlinkedSoldProducts,
  type UnlinkedSold,
} from '../../db/repositories/varianceFacts.ts';
import { listVarianceNotes } from '../../db/repositories/varianceReasons.ts';
import { drinkDisplayName } from '../../domain/drink.ts';
import {
  topLosses,
  varianceRow,
  varianceTotals,
  type VarianceRow,
  type VarianceTotals,
} from '../../domain/variance.ts';
import { requireMembership } from '../establishments/access.ts';
import { loadSession, requireClosed } from './loadSession.ts';

export type VarianceReport = {
  session: CountSession;
  periodFrom: Date;
  rows: VarianceRow[];
  byCategory: VarianceTotals[];
  totals: VarianceTotals;
  topLosses: VarianceRow[];
  missingReasons: number;
  causes: {
    unlinkedSold: UnlinkedSold[];
    unlinkedRevenueCents: number;
    receiptsMissing: number;
    recentLinks: number;
    /** Links made, changed or broken since the period began: the ledger of link changes. */
    linkEvents: (LinkEvent & { drinkName: string | null })[];
  };
};

const DAY_MS = 86_400_000;

/** The variance report of a closed session, computed from the ledger as it is now (late sales included). */
export async function varianceReport(
  db: Db,
  actorId: string,
  establishmentId: string,
  sessionId: string,
): Promise<VarianceReport> {
  await requireMembership(db, establishmentId, actorId);
  const session = await loadSession(db, establishmentId, sessionId);
  requireClosed(session);
  return computeVariance(db, establishmentId, session);
}

export async function computeVariance(
  db: Db,
  establishmentId: string,
  session: CountSession,
): Promise<VarianceReport> {
  const cutoff = session.cutoffAt;
  const previous = await previousClosedSession(db, establishmentId, cutoff);
  const periodFrom = previous?.cutoffAt ?? new Date(cutoff.getTime() - 30 * DAY_MS);
  const drinks = await drinksInScope(db, establishmentId, session);
  const ids = drinks.map((d) => d.id);
  const expected = new Map(
    (await stockAt(db, establishmentId, cutoff, { drinkIds: ids, excludeSessionId: session.id })).map((r) => [
      r.drinkId,
      r.quantity,
    ]),
  );
  const counted = await countedTotals(db, establishmentId, session.id);
  const costs = await unitCostsAt(db, establishmentId, cutoff, ids);
  const prices = await tillBottlePrices(db, establishmentId);
  const links = await linkedDrinks(db, establishmentId);
  const receipts = await receiptsBetween(db, establishmentId, periodFrom, cutoff);
  const notes = new Map(
    (await listVarianceNotes(db, establishmentId, session.id)).map((n) => [n.drinkId, n]),
  );
  const unlinked = await unlinkedSoldProducts(db, establishmentId, periodFrom, cutoff);
  // Link changes are stamped when made (often after the cut-off, when the variance shows up): no upper bound.
  const linkEvents = await linkEventsSince(db, establishmentId, periodFrom);
  const touched = new Set(linkEvents.flatMap((e) => [e.drinkId, e.previousDrinkId]));
  const rows = drinks.map((d) => {
    const link = links.get(d.id);
    const note = notes.get(d.id);
    return varianceRow(
      {
        drinkId: d.id,
        name: `${drinkDisplayName(d)} · ${d.formatCl} cl`,
        category: d.type,
        expected: expected.get(d.id) ?? 0,
        counted: counted.get(d.id) ?? (session.uncountedZero ? 0 : null),
        unitCostCents: costs.get(d.id) ?? null,
        tillPriceCents: prices.get(d.id) ?? d.salePriceCents,
        linked: link !== undefined,
        receiptsInPeriod: receipts.get(d.id) ?? 0,
        recentLink: touched.has(d.id) || (link !== undefined && link.linkedAt > periodFrom),
        reason: note
          ? { reasonId: note.reasonId, label: note.label, comment: note.comment, by: note.by, at: note.at }
          : null,
      },
      session.reasonThresholdCents,
    );
  });
  const names = new Map(rows.map((r) => [r.drinkId, r.name]));
  const { byCategory, all } = varianceTotals(rows);
  return {
    session,
    periodFrom,
    rows,
    byCategory,
    totals: all,
    topLosses: topLosses(rows),
    missingReasons: rows.filter((r) => r.reasonRequired && r.reason === null).length,
    causes: {
      unlinkedSold: unlinked.items,
      unlinkedRevenueCents: unlinked.revenueCents,
      receiptsMissing: rows.filter((r) => r.causes.includes('receipt_missing')).length,
      recentLinks: rows.filter((r) => r.causes.includes('recent_link')).length,
      linkEvents: linkEvents.map((e) => ({
        ...e,
        drinkName: names.get(e.drinkId ?? e.previousDrinkId ?? '') ?? null,
      })),
    },
  };
}
