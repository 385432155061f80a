import type { Db } from '../../db/database.ts';
import { listCountSessions, type CountSession } from '../../db/repositories/countSessions.ts';
import type { VarianceTotals } from '../../domain/variance.ts';
import { requireMembership } from '../establishments/access.ts';
import { computeVariance } from './varianceReport.ts';

export type VarianceHistoryItem = {
  session: CountSession;
  totals: VarianceTotals;
  lossCostCents: number;
  missingReasons: number;
};

/** The last closed sessions side by side: how the gap moves from one inventaire to the next. */
export async function varianceHistory(
  db: Db,
  actorId: string,
  establishmentId: string,
  limit = 12,
): Promise<VarianceHistoryItem[]> {
  await requireMembership(db, establishmentId, actorId);
  const sessions = (await listCountSessions(db, establishmentId))
    .filter((s) => s.status === 'closed')
    .slice(0, limit);
  const out: VarianceHistoryItem[] = [];
  for (const session of sessions) {
    const report = await computeVariance(db, establishmentId, session);
    out.push({
      session,
      totals: report.totals,
      lossCostCents: report.rows.reduce((s, r) => s + Math.min(r.differenceCostCents ?? 0, 0), 0),
      missingReasons: report.missingReasons,
    });
  }
  return out;
}
