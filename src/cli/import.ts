import { z } from 'zod';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/database.ts';
import { daysBetween, isIsoDay } from '../domain/businessDay.ts';
import { systemClock, type Clock } from '../domain/clock.ts';
import { openReadyDatabase } from '../runtime.ts';
import { importNight } from '../jobs/importNight.ts';
import { MAX_RANGE_DAYS } from '../services/imports/requestImports.ts';
import { tillsToImport } from '../services/imports/tillsToImport.ts';
import { AppError } from '../domain/errors.ts';
import type { TillAccess } from '../services/tills/tillAccess.ts';
import { tillAccessFor } from './compose.ts';

const day = z.string().refine(isIsoDay, { message: 'date attendue au format AAAA-MM-JJ' });
const options = z
  .object({
    establishment: z.uuid({ message: 'identifiant d’établissement invalide (uuid attendu)' }),
    till: z.uuid({ message: 'identifiant de caisse invalide (uuid attendu)' }).optional(),
    date: day.optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((o) => (o.date ? !o.from && !o.to : !!o.from && !!o.to), {
    message: 'donnez --date, ou --from et --to',
  })
  .refine((o) => !o.from || !o.to || o.from <= o.to, { message: '--from doit précéder --to' });

type Out = { log: (line: string) => void; error: (line: string) => void };

/**
 * `cellier import --establishment <id> [--till <id>] --date 2026-11-26` or `--from … --to …`: runs the nights here,
 * day by day; without `--till`, every till in use of the establishment (what the nightly schedule would import).
 */
export async function importCommand(raw: Record<string, unknown>): Promise<number> {
  const config = loadConfig();
  const out: Out = { log: (l) => console.log(l), error: (l) => console.error(l) };
  const checked = checkOptions(raw, out);
  if (!checked) return 2;
  const handle = await openReadyDatabase(config);
  try {
    return await runImports(handle.db, tillAccessFor(config), raw, systemClock, out);
  } finally {
    await handle.close();
  }
}

function checkOptions(raw: Record<string, unknown>, out: Out) {
  const parsed = options.safeParse(raw);
  if (!parsed.success) {
    out.error(`Erreur : ${parsed.error.issues.map((i) => i.message).join(' ; ')}`);
    return undefined;
  }
  const o = parsed.data;
  const days = o.date ? [o.date] : daysBetween(o.from ?? '', o.to ?? '');
  if (days.length > MAX_RANGE_DAYS) {
    out.error(`Erreur : ${MAX_RANGE_DAYS} jours au plus par commande`);
    return undefined;
  }
  return { ...o, days };
}

/** The command's work on an open database: 0 when every night ran, 1 when one failed, 2 for bad options. */
export async function runImports(
  db: Db,
  access: TillAccess,
  raw: Record<string, unknown>,
  clock: Clock,
  out: Out,
): Promise<number> {
  const o = checkOptions(raw, out);
  if (!o) return 2;
  let tills: { id: string; name: string }[];
  try {
    tills = await tillsToImport(db, o.establishment, o.till);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    out.error(`Erreur : ${error.message}`);
    return 2;
  }
  let failures = 0;
  for (const d of o.days)
    for (const till of tills) {
      const run = await importNight(
        db,
        access,
        { establishmentId: o.establishment, tillId: till.id, day: d, trigger: 'cli' },
        clock,
      );
      if (run.status === 'failed') failures++;
      const euros = (run.revenueCents / 100).toFixed(2);
      out.log(
        `${d} ${till.name} ${run.status.padEnd(9)} tickets ${run.tickets}, lignes ${run.lines} (+${run.linesNew} ~${run.linesChanged} -${run.linesRemoved}), ` +
          `quarantaine ${run.quarantined}, produits +${run.productsNew} ~${run.productsChanged}, CA ${euros} €, ${run.durationMs ?? 0} ms` +
          (run.errorMessage ? ` — ${run.errorMessage}` : ''),
      );
    }
  return failures > 0 ? 1 : 0;
}
