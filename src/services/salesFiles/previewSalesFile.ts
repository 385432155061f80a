import type { Db } from '../../db/database.ts';
import { countLinesByDay, findSalesFileTillByName } from '../../db/repositories/salesFiles.ts';
import { AppError } from '../../domain/errors.ts';
import { SALES_FILE_LIMITS, type SalesFileLimits } from '../../tills/salesFile/limits.ts';
import { FIELD_LABELS, missingFields, type ColumnMapping } from '../../tills/salesFile/mapping.ts';
import { guessMapping, matchingPresets } from '../../tills/salesFile/presets.ts';
import { inspectSalesFile, type SalesFileShape } from '../../tills/salesFile/inspect.ts';
import type { LineIssue } from '../../tills/salesFile/readSalesFile.ts';
import { SalesFileRefused } from '../../tills/salesFile/rows.ts';
import { requireMembership } from '../establishments/access.ts';
import { collectSalesFile, type CollectedFile } from './collectSalesFile.ts';
import { loadPresets, type PresetView } from './presets.ts';
import type { SalesFileSettings } from './settings.ts';

type PreviewLine = {
  lineNo: number;
  businessDay: string;
  soldAt: string;
  ticketId: string;
  productKey: string;
  label: string;
  family: string | null;
  quantity: number;
  amountCents: number;
  amountExclTaxCents: number | null;
};

export type SalesFilePreview = {
  shape: SalesFileShape;
  presets: PresetView[];
  /** Presets whose columns are all in this file, best first. */
  matching: string[];
  mapping: ColumnMapping;
  /** Field labels still to map before the file can be read. */
  missing: string[];
  read: null | {
    lines: number;
    first: PreviewLine[];
    bad: LineIssue[];
    badCount: number;
    warnings: LineIssue[];
    warningCount: number;
    days: { day: string; lines: number; alreadyImported: boolean }[];
  };
};

export const refused = (error: unknown): never => {
  if (error instanceof SalesFileRefused) throw new AppError('validation_failed', error.message);
  throw error;
};

/** What the file holds and how it will be read; writes nothing. */
export async function previewSalesFile(
  db: Db,
  accountId: string,
  establishmentId: string,
  path: string,
  settings: SalesFileSettings,
  limits: SalesFileLimits = SALES_FILE_LIMITS,
): Promise<SalesFilePreview> {
  const establishment = await requireMembership(db, establishmentId, accountId);
  const shape = await inspectSalesFile(path, limits, settings).catch(refused);
  const presets = await loadPresets(db, establishmentId);
  const matching = matchingPresets(presets, shape.headers);
  const mapping = settings.mapping ?? matching[0]?.mapping ?? guessMapping(shape.headers);
  const missing = missingFields(mapping, settings.day !== undefined).map((f) => FIELD_LABELS[f]);
  const base = { shape, presets, matching: matching.map((p) => p.name), mapping, missing };
  if (missing.length > 0) return { ...base, read: null };

  const collected: CollectedFile = await collectSalesFile(
    path,
    {
      format: shape.format,
      encoding: shape.encoding,
      separator: shape.separator,
      mapping,
      day: settings.day,
      timeZone: establishment.timeZone,
      dayCutoffHour: establishment.dayCutoffHour,
      limits,
    },
    false,
  ).catch(refused);
  const till = await findSalesFileTillByName(db, establishmentId, settings.tillName);
  const days = [...collected.dayCounts.keys()].sort();
  const stored = till ? await countLinesByDay(db, establishmentId, till.id, days) : new Map<string, number>();
  return {
    ...base,
    read: {
      lines: collected.lines,
      first: collected.first.map((l) => ({
        lineNo: l.lineNo,
        businessDay: l.businessDay,
        soldAt: l.soldAt.toISOString(),
        ticketId: l.ticketId,
        productKey: l.productKey,
        label: l.label,
        family: l.family,
        quantity: l.quantity,
        amountCents: l.amountCents,
        amountExclTaxCents: l.amountExclTaxCents,
      })),
      bad: collected.bad,
      badCount: collected.badCount,
      warnings: collected.warnings,
      warningCount: collected.warningCount,
      days: days.map((day) => ({
        day,
        lines: collected.dayCounts.get(day) ?? 0,
        alreadyImported: (stored.get(day) ?? 0) > 0,
      })),
    },
  };
}
