import type { RejectedRecord, TillProduct, TillSaleLine, TillTicket } from '../connector.ts';
import { describeIssues, frenchIssue } from '../transport/issues.ts';
import { readLineFast, readTicketHeadFast } from './fastRecords.ts';
import { line, product, ticketHead } from './wire.ts';

/** Reads an id from a record that failed validation, so the rejection still names its ticket. */
function readId(raw: unknown, key: string): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[key];
  if (typeof value === 'string' && value.length > 0) return value.slice(0, 64);
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/** Adds one page of products; `seen` spans pages so duplicates across pages are caught too. */
export function collectProducts(
  items: unknown[],
  seen: Set<string>,
  out: { products: TillProduct[]; rejected: RejectedRecord[] },
): void {
  for (const raw of items) {
    const parsed = product.safeParse(raw, { error: frenchIssue });
    if (!parsed.success) {
      const where = readId(raw, 'id');
      const reason = `${describeIssues(parsed.error)}${where === null ? '' : ` (produit ${where})`}`;
      out.rejected.push({ ticketId: null, lineId: null, reason, raw });
      continue;
    }
    const p = parsed.data;
    if (seen.has(p.id)) {
      out.rejected.push({ ticketId: null, lineId: null, reason: `id: produit en double (${p.id})`, raw });
      continue;
    }
    seen.add(p.id);
    out.products.push({
      tillProductId: p.id,
      label: p.label,
      family: p.family?.label ?? null,
      vatRate: p.vatRate,
      priceCents: p.price,
      active: p.active,
    });
  }
}

function collectLines(ticketId: string, items: unknown[], rejected: RejectedRecord[]): TillSaleLine[] {
  const lines: TillSaleLine[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of items.entries()) {
    const fast = readLineFast(raw);
    const parsed = fast
      ? ({ success: true, data: fast } as const)
      : line.safeParse(raw, { error: frenchIssue });
    if (!parsed.success) {
      const lineId = readId(raw, 'lineId');
      // Without a line id, the position tells a line rejection from a whole-ticket one.
      const reason = describeIssues(parsed.error, lineId === null ? ['lines', index] : []);
      rejected.push({ ticketId, lineId, reason, raw });
      continue;
    }
    const l = parsed.data;
    if (seen.has(l.lineId)) {
      rejected.push({ ticketId, lineId: l.lineId, reason: 'lineId: ligne en double dans le ticket', raw });
      continue;
    }
    seen.add(l.lineId);
    lines.push({
      lineId: l.lineId,
      soldAt: l.soldAt,
      tillProductId: l.productId,
      label: l.label,
      quantity: l.quantity,
      amountCents: l.amountInclTax,
      amountExclTaxCents: l.amountExclTax,
      discountCents: l.discount,
    });
  }
  return lines;
}

/** Adds one page of tickets: a bad line is rejected alone, a bad ticket head rejects the ticket. */
export function collectTickets(
  items: unknown[],
  seen: Set<string>,
  out: { tickets: TillTicket[]; rejected: RejectedRecord[] },
): void {
  for (const raw of items) {
    const fast = readTicketHeadFast(raw);
    const head = fast
      ? ({ success: true, data: fast } as const)
      : ticketHead.safeParse(raw, { error: frenchIssue });
    if (!head.success) {
      out.rejected.push({
        ticketId: readId(raw, 'ticketId'),
        lineId: null,
        reason: describeIssues(head.error),
        raw,
      });
      continue;
    }
    const { ticketId, closedAt } = head.data;
    if (seen.has(ticketId)) {
      out.rejected.push({ ticketId, lineId: null, reason: 'ticketId: ticket en double', raw });
      continue;
    }
    seen.add(ticketId);
    out.tickets.push({ ticketId, closedAt, lines: collectLines(ticketId, head.data.lines, out.rejected) });
  }
}
