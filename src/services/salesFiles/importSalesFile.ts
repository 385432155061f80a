import type { Db } from '../../db/database.ts';
import { ensureSaleLinePartition, lineKey } from '../../db/repositories/saleLines.ts';
import { lockNights, mergeFileDays, type DayLineValues } from '../../db/repositories/saleLinesFile.ts';
import {
  findOrCreateSalesFileTill,
  insertUpload,
  saveSalesFilePreset,
  type UploadDay,
} from '../../db/repositories/salesFiles.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { SALES_FILE_LIMITS, type SalesFileLimits } from '../../tills/salesFile/limits.ts';
import { FIELD_LABELS, missingFields, type ColumnMapping } from '../../tills/salesFile/mapping.ts';
import { inspectSalesFile } from '../../tills/salesFile/inspect.ts';
import type { FileSaleLine } from '../../tills/salesFile/readSalesFile.ts';
import { MANAGERS, requireMembership } from '../establishments/access.ts';
import { collectSalesFile, type CollectedFile } from './collectSalesFile.ts';
import { refused } from './previewSalesFile.ts';
import type { SalesFileSettings } from './settings.ts';
import { upsertFileProducts } from './upsertFileProducts.ts';

type FileFacts = { name: string; sizeBytes: number; sha256: string };

type PreparedSalesFile = {
  establishmentId: string;
  accountId: string;
  file: FileFacts;
  format: string;
  encoding: string;
  mapping: ColumnMapping;
  settings: SalesFileSettings;
  collected: CollectedFile;
};

export type SalesFileImportResult = {
  uploadId: string;
  tillId: string;
  tillName: string;
  lines: number;
  badCount: number;
  warningCount: number;
  productsNew: number;
  revenueCents: number;
  days: UploadDay[];
  /** One sentence for the user: what changed, which days were replaced. */
  message: string;
};

/** Reads the whole file before any write (like a till night is fetched before its transaction). */
export async function prepareSalesFileImport(
  db: Db,
  accountId: string,
  establishmentId: string,
  path: string,
  file: FileFacts,
  settings: SalesFileSettings,
  limits: SalesFileLimits = SALES_FILE_LIMITS,
): Promise<PreparedSalesFile> {
  const establishment = await requireMembership(db, establishmentId, accountId, MANAGERS);
  const mapping = settings.mapping;
  if (!mapping) throw new AppError('validation_failed', 'Choisissez d’abord les colonnes du fichier.');
  const missing = missingFields(mapping, settings.day !== undefined);
  if (missing.length > 0) {
    throw new AppError(
      'validation_failed',
      `Colonnes à choisir : ${missing.map((f) => FIELD_LABELS[f]).join(', ')}.`,
    );
  }
  const shape = await inspectSalesFile(path, limits, settings).catch(refused);
  const collected = await collectSalesFile(
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
    true,
  ).catch(refused);
  if (collected.lines === 0) {
    throw new AppError(
      'validation_failed',
      `Ce fichier ne contient aucune ligne de vente lisible (${collected.badCount} ligne(s) en erreur) : rien n’a été importé.`,
    );
  }
  return {
    establishmentId,
    accountId,
    file,
    format: shape.format,
    encoding: shape.encoding,
    mapping,
    settings,
    collected,
  };
}

const toValues = (l: FileSaleLine, productId: string): DayLineValues => ({
  businessDay: l.businessDay,
  ticketId: l.ticketId,
  lineId: l.lineId,
  tillProductId: productId,
  soldAt: l.soldAt,
  label: l.label,
  quantity: l.quantity,
  amountCents: l.amountCents,
  amountExclTaxCents: l.amountExclTaxCents,
  discountCents: null,
});

/**
 * Writes a read file inside the caller's transaction. Each business day in the file ends holding exactly the
 * file's lines for that till (a day imported before is replaced like a till correction); days outside the file
 * are untouched; the same file again changes nothing.
 */
export async function applySalesFileImport(
  trx: Db,
  prepared: PreparedSalesFile,
  clock: Clock,
): Promise<SalesFileImportResult> {
  const { establishmentId, collected, settings } = prepared;
  const now = clock.now();
  const till = await findOrCreateSalesFileTill(trx, establishmentId, settings.tillName, now);
  if (settings.presetName) {
    await saveSalesFilePreset(trx, establishmentId, settings.presetName, prepared.mapping, now);
  }
  const products = await upsertFileProducts(trx, establishmentId, till.id, collected.byDay);
  const dayList = [...collected.byDay.keys()].sort();
  await lockNights(trx, establishmentId, till.id, dayList);
  for (const month of new Set(dayList.map((d) => d.slice(0, 7)))) {
    await ensureSaleLinePartition(trx, `${month}-01`);
  }
  const incoming = new Map<string, DayLineValues>();
  for (const day of dayList) {
    for (const l of collected.byDay.get(day) ?? []) {
      incoming.set(
        `${day}\u0000${lineKey(l.ticketId, l.lineId)}`,
        toValues(l, products.ids.get(l.productKey) ?? ''),
      );
    }
  }
  const counts = await mergeFileDays(
    trx,
    { establishmentId, tillId: till.id, runId: crypto.randomUUID() },
    dayList,
    [...incoming.values()],
  );
  const days: UploadDay[] = counts.map((c) => {
    const lines = collected.byDay.get(c.day) ?? [];
    const untouched = c.added + c.changed + c.removed === 0;
    return {
      day: c.day,
      status: c.before === 0 ? 'new' : untouched ? 'unchanged' : 'replaced',
      lines: c.before + c.added - c.removed,
      added: c.added,
      changed: c.changed,
      removed: c.removed,
      revenueCents: lines.reduce((s, l) => s + l.amountCents, 0),
    };
  });
  const revenueCents = days.reduce((s, d) => s + d.revenueCents, 0);
  const uploadId = await insertUpload(trx, establishmentId, {
    tillId: till.id,
    fileName: prepared.file.name,
    sizeBytes: prepared.file.sizeBytes,
    sha256: prepared.file.sha256,
    format: prepared.format,
    encoding: prepared.encoding,
    presetName: settings.presetName ?? null,
    lines: collected.lines,
    badLines: collected.badCount,
    warnings: collected.warningCount,
    revenueCents,
    days,
    bad: collected.bad.map((b) => ({ lineNo: b.lineNo, reason: b.reason })),
    createdAt: now,
    accountId: prepared.accountId,
  });
  return {
    uploadId,
    tillId: till.id,
    tillName: till.name,
    lines: collected.lines,
    badCount: collected.badCount,
    warningCount: collected.warningCount,
    productsNew: products.created,
    revenueCents,
    days,
    message: describe(days),
  };
}

const frDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

function describe(days: UploadDay[]): string {
  const by = (s: UploadDay['status']) => days.filter((d) => d.status === s).map((d) => frDay(d.day));
  const parts: string[] = [];
  const fresh = by('new');
  const replaced = by('replaced');
  const unchanged = by('unchanged');
  if (fresh.length > 0) parts.push(`${fresh.length} jour(s) importé(s)`);
  if (replaced.length > 0) {
    parts.push(
      `${replaced.length} jour(s) déjà importé(s) remplacé(s) par le fichier : ${replaced.join(', ')}`,
    );
  }
  if (unchanged.length > 0) parts.push(`${unchanged.length} jour(s) identique(s), rien n’a changé`);
  return `${parts.join(' ; ')}.`;
}
