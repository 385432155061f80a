import type { RejectedRecord, TillProduct, TillSaleLine, TillTicket } from '../connector.ts';
import { describeIssues, frenchIssue } from '../transport/issues.ts';
import { productKey } from '../salesFile/productKey.ts';
import { item, orderHead, product, sku, VOID_STATUSES } from './wire.ts';

/** "Bouteille Chablis" + "75 cl" → "Bouteille Chablis 75 cl": how a SKU reads in Cellier. */
function skuLabel(productName: string, skuName: string | null | undefined): string {
  const name = skuName?.trim() ?? '';
  return name === '' ? productName.trim() : `${productName.trim()} ${name}`;
}

/**
 * A SKU's till product id: its ref, which the till sets and which orders carry as `sku_ref`; without one, a
 * stable id from the normalised label, the same in the catalogue and in orders.
 */
function skuKey(ref: string | null | undefined, label: string): string | null {
  return productKey(ref ?? null, label);
}

function readId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>).id;
  return typeof value === 'string' && value !== '' ? value.slice(0, 64) : null;
}

/** Adds one page of catalogue products: each SKU is a till product; a bad SKU is rejected alone. */
export function collectProducts(
  items: unknown[],
  families: Map<string, string>,
  seen: Set<string>,
  out: { products: TillProduct[]; rejected: RejectedRecord[] },
): void {
  for (const raw of items) {
    const parsed = product.safeParse(raw, { error: frenchIssue });
    if (!parsed.success) {
      const where = readId(raw);
      const reason = `${describeIssues(parsed.error)}${where === null ? '' : ` (produit ${where})`}`;
      out.rejected.push({ ticketId: null, lineId: null, reason, raw });
      continue;
    }
    const p = parsed.data;
    for (const [index, rawSku] of p.skus.entries()) {
      const s = sku.safeParse(rawSku, { error: frenchIssue });
      if (!s.success) {
        const reason = `${describeIssues(s.error, ['skus', index])} (produit ${p.id})`;
        out.rejected.push({ ticketId: null, lineId: null, reason, raw: rawSku });
        continue;
      }
      const label = skuLabel(p.name, s.data.name);
      const key = skuKey(s.data.ref, label);
      if (key === null || seen.has(key)) {
        const reason = `skus.${index}.ref: référence en double ou vide (${key ?? '∅'}, produit ${p.id})`;
        out.rejected.push({ ticketId: null, lineId: null, reason, raw: rawSku });
        continue;
      }
      seen.add(key);
      out.products.push({
        tillProductId: key,
        label,
        family: (p.category_id && families.get(p.category_id)) ?? null,
        vatRate: null,
        priceCents: s.data.price,
        active: true,
      });
    }
  }
}

function collectItems(
  orderId: string,
  soldAt: string,
  items: unknown[],
  rejected: RejectedRecord[],
): TillSaleLine[] {
  const lines: TillSaleLine[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of items.entries()) {
    const parsed = item.safeParse(raw, { error: frenchIssue });
    if (!parsed.success) {
      const lineId = readId(raw);
      rejected.push({
        ticketId: orderId,
        lineId,
        reason: describeIssues(parsed.error, lineId === null ? ['items', index] : []),
        raw,
      });
      continue;
    }
    const i = parsed.data;
    // An item removed from the order after it was placed is no sale.
    if (i.deleted === true) continue;
    const label = skuLabel(i.product_name, i.sku_name);
    const key = skuKey(i.sku_ref, label);
    if (seen.has(i.id) || key === null) {
      rejected.push({
        ticketId: orderId,
        lineId: i.id,
        reason: 'id: article en double dans la commande',
        raw,
      });
      continue;
    }
    seen.add(i.id);
    lines.push({
      lineId: i.id,
      soldAt,
      tillProductId: key,
      label,
      quantity: i.quantity,
      // The subtotal includes options; without one, unit price × quantity.
      amountCents: i.subtotal ?? Math.round(i.price * i.quantity),
      amountExclTaxCents: null,
      discountCents: null,
    });
  }
  return lines;
}

/**
 * Adds one page of orders. A cancelled, rejected or undelivered order is kept with no line: re-importing the day
 * then removes what an earlier import took from it, like an Astério correction.
 */
export function collectOrders(
  items: unknown[],
  seen: Set<string>,
  out: { tickets: TillTicket[]; rejected: RejectedRecord[] },
): void {
  for (const raw of items) {
    const head = orderHead.safeParse(raw, { error: frenchIssue });
    if (!head.success) {
      out.rejected.push({ ticketId: readId(raw), lineId: null, reason: describeIssues(head.error), raw });
      continue;
    }
    const { id, status, created_at: createdAt } = head.data;
    if (seen.has(id)) {
      out.rejected.push({ ticketId: id, lineId: null, reason: 'id: commande en double', raw });
      continue;
    }
    seen.add(id);
    const lines = VOID_STATUSES.has(status) ? [] : collectItems(id, createdAt, head.data.items, out.rejected);
    out.tickets.push({ ticketId: id, closedAt: createdAt, lines });
  }
}
