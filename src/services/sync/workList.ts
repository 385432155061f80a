import type { Db } from '../../db/database.ts';
import {
  listTillProducts,
  workListSummary,
  type TillProductRow,
  type WorkListFilter,
} from '../../db/repositories/workList.ts';
import { addDays, localDateHour } from '../../domain/businessDay.ts';
import type { Clock } from '../../domain/clock.ts';
import { parseLabel } from '../../matching/index.ts';
import { requireMembership } from '../establishments/access.ts';

type WorkListItem = TillProductRow & { hasSales: boolean; sameWineAs: string[] };

/**
 * "Boissons à synchroniser": products neither linked nor ignored, sold ones first by revenue. Products whose
 * labels name the same wine once the serving, size and vintage are taken off (a bottle and a glass button) point at each other.
 */
export async function workList(
  db: Db,
  actorId: string,
  establishmentId: string,
  filter: WorkListFilter,
  clock: Clock,
): Promise<{
  items: WorkListItem[];
  total: number;
  unlinked: number;
  unlinkedRevenueCents: number;
  families: string[];
  tillProducts: number;
}> {
  const establishment = await requireMembership(db, establishmentId, actorId);
  const { items, total } = await listTillProducts(db, establishmentId, filter);
  const today = localDateHour(clock.now(), establishment.timeZone).date;
  const summary = await workListSummary(db, establishmentId, addDays(today, -30));
  const keyOf = new Map(items.map((i) => [i.id, identityKey(i.label)]));
  return {
    ...summary,
    total,
    items: items.map((i) => {
      const key = keyOf.get(i.id);
      const sameWineAs = key
        ? items.filter((o) => o.id !== i.id && keyOf.get(o.id) === key).map((o) => o.id)
        : [];
      return { ...i, hasSales: i.saleLines > 0, sameWineAs };
    }),
  };
}

function identityKey(label: string): string | null {
  const parsed = parseLabel(label);
  const key = [parsed.identityText, parsed.colour ?? ''].join('|');
  return parsed.identityText.length >= 3 ? key : null;
}
