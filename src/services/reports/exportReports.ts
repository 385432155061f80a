import type { Db } from '../../db/database.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError } from '../../domain/errors.ts';
import { requireMembership } from '../establishments/access.ts';
import { varianceReport } from '../counts/varianceReport.ts';
import { toCsv, toXlsx, variancePdf, type ExportFormat } from './exports.ts';
import type { PeriodInput } from './bevPeriods.ts';
import { bevCostReport } from './reports.ts';
import { bevTables, varianceTables } from './tables.ts';

type ExportFile = { filename: string; contentType: string; body: Buffer };

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

export async function exportVariance(
  db: Db,
  actorId: string,
  establishmentId: string,
  sessionId: string,
  format: ExportFormat,
): Promise<ExportFile> {
  const establishment = await requireMembership(db, establishmentId, actorId);
  const report = await varianceReport(db, actorId, establishmentId, sessionId);
  const base = `ecarts-${slug(report.session.name)}`;
  const tables = varianceTables(report);
  const body =
    format === 'pdf'
      ? await variancePdf(report, establishment.name)
      : format === 'xlsx'
        ? await toXlsx(tables)
        : toCsv(tables[0] ?? { name: '', columns: [], rows: [] });
  return { filename: `${base}.${format}`, contentType: TYPES[format], body };
}

export async function exportBevCost(
  db: Db,
  actorId: string,
  establishmentId: string,
  input: PeriodInput & { table?: number | undefined },
  format: ExportFormat,
  clock: Clock,
): Promise<ExportFile> {
  if (format === 'pdf') throw new AppError('validation_failed', 'Le coût matière s’exporte en CSV ou XLSX');
  const report = await bevCostReport(db, actorId, establishmentId, input, clock);
  const tables = bevTables(report);
  const base = `cout-matiere-${slug(report.label)}`;
  if (format === 'xlsx')
    return { filename: `${base}.xlsx`, contentType: TYPES.xlsx, body: await toXlsx(tables) };
  const table = tables[input.table ?? 1] ?? tables[0];
  if (!table) throw new AppError('validation_failed', 'Tableau inconnu');
  return { filename: `${base}-${slug(table.name)}.csv`, contentType: TYPES.csv, body: toCsv(table) };
}
