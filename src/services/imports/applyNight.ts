import { copyClientOf } from '../../db/copyClients.ts';
import type { Db } from '../../db/database.ts';
import type { ImportCounts } from '../../db/repositories/importRuns.ts';
import {
  countLinkedLines,
  deleteLines,
  ensureSaleLinePartition,
  insertLines,
  lineKey,
  lockNight,
  loadDayLines,
  replaceDayQuarantine,
  updateLine,
  type QuarantinedRecord,
  type SaleLineValues,
  type StoredLine,
} from '../../db/repositories/saleLines.ts';
import { mergeDayLinesByCopy, type MergeCounts } from '../../db/repositories/saleLinesMerge.ts';
import {
  insertTillProducts,
  loadTillProducts,
  markTillProductsSeen,
  updateTillProduct,
  type NewTillProduct,
} from '../../db/repositories/tillProducts.ts';
import type { RejectedRecord, TillProduct, TillTicket } from '../../tills/connector.ts';

type NightData = { products: TillProduct[]; tickets: TillTicket[]; rejected: RejectedRecord[] };
type Scope = { establishmentId: string; tillId: string; day: string; runId: string };

/**
 * Writes one fetched night inside the caller's transaction: products upserted, lines stored exactly once
 * (inserted, corrected or removed to equal the till), malformed records quarantined. Writes nothing when the
 * till's data is unchanged.
 */
export async function applyNight(trx: Db, scope: Scope, night: NightData): Promise<ImportCounts> {
  const { establishmentId, tillId, day } = scope;
  await lockNight(trx, establishmentId, tillId, day);
  await ensureSaleLinePartition(trx, day);

  const products = await upsertProducts(trx, scope, night);
  const quarantine: QuarantinedRecord[] = night.rejected.map((r) => ({
    ticketId: r.ticketId,
    lineId: r.lineId,
    reason: r.reason,
    raw: r.raw,
  }));
  const incoming = new Map<string, SaleLineValues>();
  for (const ticket of night.tickets) {
    for (const line of ticket.lines) {
      const key = lineKey(ticket.ticketId, line.lineId);
      if (incoming.has(key)) {
        quarantine.push({
          ticketId: ticket.ticketId,
          lineId: line.lineId,
          reason: 'ligne en double dans la réponse de la caisse',
          raw: line,
        });
        continue;
      }
      incoming.set(key, {
        ticketId: ticket.ticketId,
        lineId: line.lineId,
        tillProductId: products.get(line.tillProductId) ?? '',
        soldAt: new Date(line.soldAt),
        label: line.label,
        quantity: line.quantity,
        amountCents: line.amountCents,
        amountExclTaxCents: line.amountExclTaxCents,
        discountCents: line.discountCents,
      });
    }
  }

  const lines = await writeLines(trx, scope, incoming);
  const quarantined = await replaceDayQuarantine(trx, establishmentId, tillId, day, scope.runId, quarantine);

  return {
    productsNew: products.created,
    productsChanged: products.changed,
    tickets: night.tickets.length,
    lines: incoming.size,
    ...lines,
    quarantined,
    depleted: await countLinkedLines(trx, establishmentId, tillId, day),
    revenueCents: [...incoming.values()].reduce((sum, l) => sum + l.amountCents, 0),
  };
}

/** PostgreSQL server: COPY into staging and one set-based merge. PGlite (no COPY FROM STDIN): diff here. */
async function writeLines(
  trx: Db,
  scope: Scope,
  incoming: Map<string, SaleLineValues>,
): Promise<MergeCounts> {
  const client = await copyClientOf(trx);
  if (client) return mergeDayLinesByCopy(trx, client, scope, [...incoming.values()]);
  const { establishmentId, tillId, day } = scope;
  const stored = await loadDayLines(trx, establishmentId, tillId, day);
  const added: SaleLineValues[] = [];
  const changed: SaleLineValues[] = [];
  for (const [key, line] of incoming) {
    const before = stored.get(key);
    if (!before) added.push(line);
    else if (!sameLine(before, line)) changed.push(line);
  }
  const removed = [...stored.entries()].filter(([key]) => !incoming.has(key)).map(([, l]) => l);
  await insertLines(trx, establishmentId, tillId, day, scope.runId, added);
  for (const line of changed) await updateLine(trx, establishmentId, tillId, day, scope.runId, line);
  await deleteLines(trx, establishmentId, tillId, day, removed);
  return { linesNew: added.length, linesChanged: changed.length, linesRemoved: removed.length };
}

function sameLine(a: StoredLine, b: SaleLineValues): boolean {
  return (
    a.tillProductId === b.tillProductId &&
    a.soldAt.getTime() === b.soldAt.getTime() &&
    a.label === b.label &&
    a.quantity === b.quantity &&
    a.amountCents === b.amountCents &&
    a.amountExclTaxCents === b.amountExclTaxCents &&
    a.discountCents === b.discountCents
  );
}

async function upsertProducts(
  trx: Db,
  scope: Scope,
  night: NightData,
): Promise<Map<string, string> & { created: number; changed: number }> {
  const known = await loadTillProducts(trx, scope.establishmentId, scope.tillId);
  const fresh = new Map<string, NewTillProduct>();
  let changed = 0;
  for (const p of night.products) {
    const k = known.get(p.tillProductId);
    if (!k) {
      fresh.set(p.tillProductId, {
        externalId: p.tillProductId,
        label: p.label,
        family: p.family,
        vatRate: p.vatRate,
        priceCents: p.priceCents,
        active: p.active,
        seenOn: scope.day,
      });
      continue;
    }
    const diff = {
      ...(k.label !== p.label ? { label: p.label } : {}),
      ...(k.family !== p.family ? { family: p.family } : {}),
      ...(k.priceCents !== p.priceCents ? { priceCents: p.priceCents } : {}),
      ...(k.vatRate !== p.vatRate ? { vatRate: p.vatRate } : {}),
      ...(k.active !== p.active ? { active: p.active } : {}),
    };
    if (Object.keys(diff).length > 0) {
      await updateTillProduct(trx, scope.establishmentId, k.id, diff, scope.day);
      changed++;
    }
  }
  // A product gone from the catalogue is kept, inactive: its sales and link stay.
  const inCatalogue = new Set(night.products.map((p) => p.tillProductId));
  for (const k of known.values()) {
    if (k.active && !inCatalogue.has(k.externalId)) {
      await updateTillProduct(trx, scope.establishmentId, k.id, { active: false }, scope.day);
      changed++;
    }
  }
  // A line may name a product the catalogue does not list (deleted since): it is created from the line, not dropped.
  for (const t of night.tickets) {
    for (const l of t.lines) {
      if (!known.has(l.tillProductId) && !fresh.has(l.tillProductId)) {
        fresh.set(l.tillProductId, {
          externalId: l.tillProductId,
          label: l.label,
          family: null,
          vatRate: null,
          priceCents: null,
          active: false,
          seenOn: scope.day,
        });
      }
    }
  }
  const createdIds = await insertTillProducts(trx, scope.establishmentId, scope.tillId, [...fresh.values()]);
  const ids = new Map<string, string>([
    ...[...known.values()].map((k) => [k.externalId, k.id] as const),
    ...createdIds,
  ]);
  const sold = new Set(night.tickets.flatMap((t) => t.lines.map((l) => ids.get(l.tillProductId) ?? '')));
  await markTillProductsSeen(trx, scope.establishmentId, [...sold].filter(Boolean), scope.day);
  return Object.assign(ids, { created: fresh.size, changed });
}
