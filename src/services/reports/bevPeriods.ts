import type { Db } from '../../db/database.ts';
import { findCountSession } from '../../db/repositories/countSessions.ts';
import type { Clock } from '../../domain/clock.ts';
import { bevCostPercent, consumptionAtCost } from '../../domain/cmup.ts';
import { addDays, localDateHour } from '../../domain/businessDay.ts';
import { AppError, invalidField, notFound } from '../../domain/errors.ts';
import { businessPeriod, monthOf } from '../../domain/period.ts';
import type { EstablishmentWithRole } from '../../db/repositories/establishments.ts';
import { periodTotals } from './bevCost.ts';
import { valuedAt, type ReportFacts } from './reportFacts.ts';

export type PeriodInput = {
  from?: string | undefined;
  to?: string | undefined;
  fromSession?: string | undefined;
  toSession?: string | undefined;
};

/** A period's instants [fromAt, toAt), its label, and the business days it covers (the page's date fields). */
type ResolvedPeriod = { fromAt: Date; toAt: Date; label: string; fromDay: string; toDay: string };

/** The business day an instant belongs to: before the cut-off hour it is still the day before. */
function businessDayOf(at: Date, establishment: EstablishmentWithRole): string {
  const { date, hour } = localDateHour(at, establishment.timeZone);
  return hour < establishment.dayCutoffHour ? addDays(date, -1) : date;
}

/** A period from business days (inclusive), from two count sessions' cut-offs, or by default this month so far. */
export async function resolvePeriod(
  db: Db,
  establishment: EstablishmentWithRole,
  input: PeriodInput,
  clock: Clock,
): Promise<ResolvedPeriod> {
  if (input.fromSession || input.toSession) {
    if (!input.fromSession || !input.toSession)
      throw invalidField('toSession', 'Choisissez deux inventaires');
    const a = await findCountSession(db, establishment.id, input.fromSession);
    const b = await findCountSession(db, establishment.id, input.toSession);
    if (!a || !b) throw notFound('Inventaire');
    if (a.cutoffAt >= b.cutoffAt)
      throw invalidField('toSession', 'Le second inventaire doit suivre le premier');
    return {
      fromAt: a.cutoffAt,
      toAt: b.cutoffAt,
      label: `${a.name} → ${b.name}`,
      fromDay: businessDayOf(a.cutoffAt, establishment),
      toDay: businessDayOf(new Date(b.cutoffAt.getTime() - 1), establishment),
    };
  }
  const today = localDateHour(clock.now(), establishment.timeZone).date;
  const from = input.from ?? monthOf(today).from;
  const to = input.to ?? today;
  if (from > to) throw invalidField('to', 'La fin de période précède son début');
  const p = businessPeriod(from, to, establishment.timeZone, establishment.dayCutoffHour);
  if (p.toAt.getTime() - p.fromAt.getTime() > 400 * 86_400_000)
    throw new AppError('validation_failed', 'Période trop longue (400 jours au plus)');
  return { ...p, label: `${from} → ${to}`, fromDay: from, toDay: to };
}

export type BevPoint = {
  month: string;
  revenueExclTaxCents: number;
  consumptionCents: number;
  bevCostPercent: number | null;
};

/** The instants bounding the last `months` calendar months up to `lastDay`'s month: their starts, then the last end. */
export function monthBounds(
  establishment: EstablishmentWithRole,
  lastDay: string,
  months: number,
): { months: string[]; instants: Date[] } {
  const monthStarts: string[] = [];
  let cursor = monthOf(lastDay).from;
  for (let i = 0; i < months; i += 1) {
    monthStarts.unshift(cursor);
    const [y, m] = cursor.split('-').map(Number) as [number, number];
    cursor = monthOf(`${m === 1 ? y - 1 : y}-${String(m === 1 ? 12 : m - 1).padStart(2, '0')}-01`).from;
  }
  const bounds = monthStarts.map((first) =>
    businessPeriod(first, monthOf(first).to, establishment.timeZone, establishment.dayCutoffHour),
  );
  const last = bounds[bounds.length - 1];
  return {
    months: monthStarts.map((m) => m.slice(0, 7)),
    instants: [...bounds.map((b) => b.fromAt), ...(last ? [last.toAt] : [])],
  };
}

/** BEV cost % per calendar month from facts cut at `monthBounds`: each month start is valued once for two months. */
export function bevCostByMonth(
  facts: ReportFacts,
  bounds: { months: string[]; instants: Date[] },
): BevPoint[] {
  return bounds.months.map((month, i) => {
    const from = bounds.instants[i];
    const to = bounds.instants[i + 1];
    if (!from || !to) throw new Error('bevCostByMonth: a month without its bounds');
    const totals = periodTotals(facts, from, to);
    const purchases = [...totals.purchases.values()].reduce((s, p) => s + Math.round(p.pricedCents), 0);
    const value = (at: Date) => valuedAt(facts, at).reduce((s, v) => s + v.valueCents, 0);
    const revenue = totals.linkedRevenueExclTaxCents;
    const consumption = consumptionAtCost(value(from), purchases, value(to));
    return {
      month,
      revenueExclTaxCents: revenue,
      consumptionCents: consumption,
      bevCostPercent: bevCostPercent(consumption, revenue),
    };
  });
}
