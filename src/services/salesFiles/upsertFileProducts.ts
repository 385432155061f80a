import type { Db } from '../../db/database.ts';
import {
  insertTillProducts,
  loadTillProducts,
  markTillProductsSeen,
  updateTillProduct,
  type NewTillProduct,
} from '../../db/repositories/tillProducts.ts';
import type { FileSaleLine } from '../../tills/salesFile/readSalesFile.ts';

/**
 * The file's products, by their code or label id: new ones created, a new label or family kept with its history.
 * A file is not a catalogue, so products absent from it are left as they are.
 */
export async function upsertFileProducts(
  trx: Db,
  establishmentId: string,
  tillId: string,
  byDay: Map<string, FileSaleLine[]>,
): Promise<{ ids: Map<string, string>; created: number }> {
  const latest = new Map<string, { line: FileSaleLine; firstDay: string; lastDay: string }>();
  for (const day of [...byDay.keys()].sort()) {
    for (const line of byDay.get(day) ?? []) {
      const seen = latest.get(line.productKey);
      if (!seen) latest.set(line.productKey, { line, firstDay: day, lastDay: day });
      else {
        seen.line = line;
        seen.lastDay = day;
      }
    }
  }
  const known = await loadTillProducts(trx, establishmentId, tillId);
  const fresh: NewTillProduct[] = [];
  for (const [key, { line, firstDay, lastDay }] of latest) {
    const k = known.get(key);
    if (!k) {
      fresh.push({
        externalId: key,
        label: line.label,
        family: line.family,
        vatRate: null,
        priceCents: null,
        active: true,
        seenOn: firstDay,
      });
      continue;
    }
    const changes = {
      ...(k.label !== line.label ? { label: line.label } : {}),
      ...(line.family !== null && k.family !== line.family ? { family: line.family } : {}),
      ...(!k.active ? { active: true } : {}),
    };
    if (Object.keys(changes).length > 0)
      await updateTillProduct(trx, establishmentId, k.id, changes, lastDay);
  }
  const created = await insertTillProducts(trx, establishmentId, tillId, fresh);
  const ids = new Map<string, string>([
    ...[...known.values()].map((k) => [k.externalId, k.id] as const),
    ...created,
  ]);
  const lastDay = [...byDay.keys()].sort().at(-1);
  if (lastDay) {
    const sold = [...latest.keys()].map((k) => ids.get(k)).filter((v): v is string => !!v);
    await markTillProductsSeen(trx, establishmentId, sold, lastDay);
  }
  return { ids, created: fresh.length };
}
