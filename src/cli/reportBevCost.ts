import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { isIsoDay } from '../domain/businessDay.ts';
import { systemClock } from '../domain/clock.ts';
import { AppError } from '../domain/errors.ts';
import { openReadyDatabase } from '../runtime.ts';
import { operatorBevCost } from '../services/reports/operatorBevCost.ts';
import { bevTables, type Table } from '../services/reports/tables.ts';

const day = (name: string) =>
  z
    .string({ message: `${name} requis (AAAA-MM-JJ)` })
    .refine(isIsoDay, { message: `${name} : date AAAA-MM-JJ attendue` });
const options = z
  .object({
    establishment: z.uuid({
      error: (i) =>
        i.input === undefined
          ? '--establishment requis'
          : 'identifiant d’établissement invalide (uuid attendu)',
    }),
    from: day('--from'),
    to: day('--to'),
  })
  .refine((o) => o.from <= o.to, { message: '--from doit précéder --to' });

const fr = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2, minimumFractionDigits: 0 });
const euros = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function cell(value: string | number | null, kind: string | undefined): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return kind === 'euros' ? euros.format(value) : fr.format(value);
}

/** A table as aligned text: names left, numbers right. */
function formatTable(table: Table): string {
  const rows = table.rows.map((r) => table.columns.map((c) => cell(r[c.key] ?? null, c.kind)));
  const widths = table.columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    `${table.name}`,
    line(table.columns.map((c) => c.header)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

/** `cellier report bev-cost --establishment <id> --from <jour> --to <jour>`: the coût matière tables as text. */
export async function reportBevCostCommand(raw: Record<string, unknown>): Promise<number> {
  const parsed = options.safeParse(raw);
  if (!parsed.success) {
    console.error(`Erreur : ${parsed.error.issues.map((i) => i.message).join(' ; ')}`);
    return 2;
  }
  const { establishment, from, to } = parsed.data;
  const handle = await openReadyDatabase(loadConfig());
  try {
    const report = await operatorBevCost(handle.db, establishment, { from, to }, systemClock);
    const [summary, byDrink, byCategory] = bevTables(report);
    console.log(`Coût matière · ${report.establishmentName} · ${report.label}\n`);
    for (const t of [summary, byCategory, byDrink]) if (t) console.log(`${formatTable(t)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`Erreur : ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
