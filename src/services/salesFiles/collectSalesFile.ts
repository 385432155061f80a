import { SALES_FILE_LIMITS, type SalesFileLimits } from '../../tills/salesFile/limits.ts';
import {
  readSalesFile,
  type FileSaleLine,
  type LineIssue,
  type ReadContext,
} from '../../tills/salesFile/readSalesFile.ts';

export type CollectedFile = {
  byDay: Map<string, FileSaleLine[]>;
  /** Lines per business day (also when the lines themselves are not kept). */
  dayCounts: Map<string, number>;
  lines: number;
  first: FileSaleLine[];
  bad: LineIssue[];
  badCount: number;
  warnings: LineIssue[];
  warningCount: number;
  headers: string[];
  rows: number;
};

/**
 * Reads a whole file through its mapping: lines grouped by business day (compact: the file itself is streamed,
 * never held), the first lines as read, every bad line (listed up to the limit, always counted).
 */
export async function collectSalesFile(
  path: string,
  ctx: Omit<ReadContext, 'limits'> & { limits?: SalesFileLimits },
  keepLines: boolean,
): Promise<CollectedFile> {
  const limits = ctx.limits ?? SALES_FILE_LIMITS;
  const out: CollectedFile = {
    byDay: new Map(),
    dayCounts: new Map(),
    lines: 0,
    first: [],
    bad: [],
    badCount: 0,
    warnings: [],
    warningCount: 0,
    headers: [],
    rows: 0,
  };
  const summary = await readSalesFile(
    path,
    { ...ctx, limits },
    {
      line: (l) => {
        out.lines++;
        if (out.first.length < 20) out.first.push(l);
        out.dayCounts.set(l.businessDay, (out.dayCounts.get(l.businessDay) ?? 0) + 1);
        if (!keepLines) return;
        const day = out.byDay.get(l.businessDay);
        if (day) day.push(l);
        else out.byDay.set(l.businessDay, [l]);
      },
      bad: (issue) => {
        out.badCount++;
        if (out.bad.length < limits.maxBadLinesListed) out.bad.push(issue);
      },
      warning: (issue) => {
        out.warningCount++;
        if (out.warnings.length < limits.maxBadLinesListed) out.warnings.push(issue);
      },
    },
  );
  out.headers = summary.headers;
  out.rows = summary.rows;
  return out;
}
