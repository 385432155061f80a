import type { Db } from '../../db/database.ts';
import { findEstablishment } from '../../db/repositories/establishments.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound } from '../../domain/errors.ts';
import { computeBevCost, type BevCost } from './bevCost.ts';
import { resolvePeriod, type PeriodInput } from './bevPeriods.ts';

/** The coût matière for the operator's CLI, which runs on the server and answers for any establishment. */
export async function operatorBevCost(
  db: Db,
  establishmentId: string,
  input: PeriodInput,
  clock: Clock,
): Promise<BevCost & { label: string; establishmentName: string }> {
  const establishment = await findEstablishment(db, establishmentId);
  if (!establishment) throw notFound('Établissement');
  const period = await resolvePeriod(db, { ...establishment, role: 'owner' }, input, clock);
  const report = await computeBevCost(db, establishmentId, period.fromAt, period.toAt);
  return { ...report, label: period.label, establishmentName: establishment.name };
}
