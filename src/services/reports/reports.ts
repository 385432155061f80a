import type { Db } from '../../db/database.ts';
import {
  activeDrinks,
  drinkIdentities,
  revenueByDayAndCategory,
  unlinkedDrinkRevenue,
} from '../../db/repositories/bevFacts.ts';
import { costHistory, type DrinkCostPoint } from '../../db/repositories/drinkCosts.ts';
import { existingDrinkIds } from '../../db/repositories/drinks.ts';
import type { Clock } from '../../domain/clock.ts';
import { localDateHour } from '../../domain/businessDay.ts';
import { notFound } from '../../domain/errors.ts';
import { requireMembership } from '../establishments/access.ts';
import { bevCostFromFacts, computeBevCost, dormantSince, type BevCost } from './bevCost.ts';
import { bevCostByMonth, monthBounds, resolvePeriod, type BevPoint, type PeriodInput } from './bevPeriods.ts';
import { loadReportFacts } from './reportFacts.ts';

const DORMANT_DAYS = 90;

/** The period's label and the business days it covers, first and last. */
export type PeriodDays = { label: string; fromDay: string; toDay: string };

export async function bevCostReport(
  db: Db,
  actorId: string,
  establishmentId: string,
  input: PeriodInput & { dormantDays?: number | undefined },
  clock: Clock,
): Promise<BevCost & PeriodDays> {
  const establishment = await requireMembership(db, establishmentId, actorId);
  const period = await resolvePeriod(db, establishment, input, clock);
  const report = await computeBevCost(
    db,
    establishmentId,
    period.fromAt,
    period.toAt,
    input.dormantDays ?? 90,
  );
  return { ...report, label: period.label, fromDay: period.fromDay, toDay: period.toDay };
}

export type ReportsOverview = {
  bev: BevCost & PeriodDays;
  revenueByDay: { day: string; category: string; revenueExclTaxCents: number }[];
  bevByMonth: BevPoint[];
};

/**
 * Everything the reports page shows first: the period's BEV cost and margins, revenue per day, six months of BEV %.
 * All from one set of facts: stock valued at every month start and the period's ends, sales cut at all of them.
 */
export async function reportsOverview(
  db: Db,
  actorId: string,
  establishmentId: string,
  input: PeriodInput,
  clock: Clock,
): Promise<ReportsOverview> {
  const establishment = await requireMembership(db, establishmentId, actorId);
  const period = await resolvePeriod(db, establishment, input, clock);
  const lastDay = localDateHour(new Date(period.toAt.getTime() - 1), establishment.timeZone).date;
  const months = monthBounds(establishment, lastDay, 6);
  const since = dormantSince(period.toAt, DORMANT_DAYS);
  // One statement after the other: a request runs on one connection, and none is sent once its client has gone.
  const facts = await loadReportFacts(db, establishmentId, {
    valuedAt: [...months.instants, period.fromAt, period.toAt],
    detailFrom: period.fromAt,
  });
  const identities = await drinkIdentities(db, establishmentId);
  const unlinked = await unlinkedDrinkRevenue(db, establishmentId, period.fromAt, period.toAt);
  const active = await activeDrinks(db, establishmentId, since, period.toAt);
  const revenueByDay = await revenueByDayAndCategory(db, establishmentId, period.fromAt, period.toAt);
  const extras = { identities, unlinked, active };
  const bev = bevCostFromFacts(facts, extras, period.fromAt, period.toAt, DORMANT_DAYS);
  const days = { label: period.label, fromDay: period.fromDay, toDay: period.toDay };
  return { bev: { ...bev, ...days }, revenueByDay, bevByMonth: bevCostByMonth(facts, months) };
}

export async function drinkCostHistory(
  db: Db,
  actorId: string,
  establishmentId: string,
  drinkId: string,
): Promise<DrinkCostPoint[]> {
  await requireMembership(db, establishmentId, actorId);
  if ((await existingDrinkIds(db, establishmentId, [drinkId])).size === 0) throw notFound('Boisson');
  return costHistory(db, establishmentId, drinkId);
}
