import type { Db } from '../../db/database.ts';
import {
  linkedSalesByBucket,
  receiptsByBucket,
  type BucketDrinkSales,
  type BucketReceipts,
} from '../../db/repositories/bevFacts.ts';
import { valuedStockAtInstants, type ValuedStock } from './stockValue.ts';

/**
 * What a report reads from the ledger, once for all its periods: stock valued at each instant it needs, and sales and
 * receipts cut at every bound (bucket k is (bounds[k - 1], bounds[k]]). A page with six months and a current period
 * then costs one scan of the sales instead of eight.
 */
export type ReportFacts = {
  bounds: Date[];
  valued: Map<number, ValuedStock[]>;
  sales: BucketDrinkSales[];
  receipts: BucketReceipts[];
};

const sortedUnique = (dates: readonly Date[]): Date[] =>
  [...new Set(dates.map((d) => d.getTime()))].sort((a, b) => a - b).map((t) => new Date(t));

export async function loadReportFacts(
  db: Db,
  establishmentId: string,
  opts: { valuedAt: readonly Date[]; detailFrom: Date },
): Promise<ReportFacts> {
  // The instants valued are the bounds the sales and receipts are cut at.
  const bounds = sortedUnique(opts.valuedAt);
  // Per-drink detail from the first bucket starting at or after detailFrom (a bound itself).
  const detailBucket = bounds.findIndex((b) => b >= opts.detailFrom) + 1;
  // One statement after the other: a request runs on one connection, and none is sent once its client has gone.
  const valued = await valuedStockAtInstants(db, establishmentId, bounds);
  const sales = bounds.length < 2 ? [] : await linkedSalesByBucket(db, establishmentId, bounds, detailBucket);
  const receipts = bounds.length < 2 ? [] : await receiptsByBucket(db, establishmentId, bounds);
  return {
    bounds,
    valued: new Map(bounds.map((at, i) => [at.getTime(), valued[i] ?? []])),
    sales,
    receipts,
  };
}

/** The buckets lying in (from, to]: from and to must be bounds of the facts. */
export function bucketsIn(facts: ReportFacts, from: Date, to: Date): Set<number> {
  const out = new Set<number>();
  for (let k = 1; k < facts.bounds.length; k += 1) {
    const lo = facts.bounds[k - 1];
    const hi = facts.bounds[k];
    if (lo && hi && lo >= from && hi <= to) out.add(k);
  }
  return out;
}

export function valuedAt(facts: ReportFacts, at: Date): ValuedStock[] {
  const v = facts.valued.get(at.getTime());
  if (!v) throw new Error(`reportFacts: no valuation at ${at.toISOString()}`);
  return v;
}
