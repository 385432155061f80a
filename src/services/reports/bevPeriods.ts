import type { Db } from '../../db/database.ts';
import { linkedSalesByDrink, purchasesByDrink } from '../../db/repositories/bevFacts.ts';
import { findCountSession } from '../../db/repositories/countSessions.ts';
import type { Clock } from '../../domain/clock.ts';
import { bevCostPercent, consumptionAtCost } from '../../domain/cmup.ts';
import { addDays, localDateHour } from '../../domain/businessDay.ts';
import { AppError, invalidField, notFound } from '../../domain/errors.ts';
import { businessPeriod, monthOf } from '../../domain/period.ts';
import type { EstablishmentWithRole } from '../../db/repositories/establishments.ts';
import { valuedStockAt } from './stockValue.ts';

export type PeriodInput = {
  from?: string | undefined;
  to?: string | undefined;
  fromSession?: string | undefined;
  toSession?: string | undefined;
};

/** A period's instants [fromAt, toAt), its label, and the business days it covers (the page's date fields). */
export type ResolvedPeriod = { fromAt: Date; toAt: Date; label: string; fromDay: string; toDay: string };

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

/** BEV cost % per calendar month: valuations at each month's start are shared between neighbouring months. */
export async function bevCostByMonth(
  db: Db,
  establishment: EstablishmentWithRole,
  lastDay: string,
  months: number,
): Promise<BevPoint[]> {
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
  const instants = [...bounds.map((b) => b.fromAt), bounds[bounds.length - 1]?.toAt ?? new Date()];
  const values: number[] = [];
  for (const at of instants)
    values.push((await valuedStockAt(db, establishment.id, at)).reduce((s, v) => s + v.valueCents, 0));
  const out: BevPoint[] = [];
  for (const [i, b] of bounds.entries()) {
    const purchases = (await purchasesByDrink(db, establishment.id, b.fromAt, b.toAt)).reduce(
      (s, p) => s + p.pricedCents,
      0,
    );
    const revenue = (await linkedSalesByDrink(db, establishment.id, b.fromAt, b.toAt)).reduce(
      (s, r) => s + r.revenueExclTaxCents,
      0,
    );
    const consumption = consumptionAtCost(values[i] ?? 0, purchases, values[i + 1] ?? 0);
    out.push({
      month: (monthStarts[i] ?? '').slice(0, 7),
      revenueExclTaxCents: revenue,
      consumptionCents: consumption,
      bevCostPercent: bevCostPercent(consumption, revenue),
    });
  }
  return out;
}
