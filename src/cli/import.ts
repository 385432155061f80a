import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { daysBetween, isIsoDay } from '../domain/businessDay.ts';
import { systemClock } from '../domain/clock.ts';
import { openReadyDatabase } from '../runtime.ts';
import { importNight } from '../services/imports/importNight.ts';
import { MAX_RANGE_DAYS } from '../services/imports/requestImports.ts';
import { tillAccessFor } from './compose.ts';

const day = z.string().refine(isIsoDay, { message: 'date attendue au format AAAA-MM-JJ' });
const options = z
  .object({
    establishment: z.uuid({ message: 'identifiant d’établissement invalide (uuid attendu)' }),
    date: day.optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((o) => (o.date ? !o.from && !o.to : !!o.from && !!o.to), {
    message: 'donnez --date, ou --from et --to',
  })
  .refine((o) => !o.from || !o.to || o.from <= o.to, { message: '--from doit précéder --to' });

/** `cellier import --establishment <id> --date 2026-11-26` or `--from … --to …`: runs the nights here, in order. */
export async function importCommand(raw: Record<string, unknown>): Promise<number> {
  const parsed = options.safeParse(raw);
  if (!parsed.success) {
    console.error(`Erreur : ${parsed.error.issues.map((i) => i.message).join(' ; ')}`);
    return 2;
  }
  const o = parsed.data;
  const days = o.date ? [o.date] : daysBetween(o.from ?? '', o.to ?? '');
  if (days.length > MAX_RANGE_DAYS) {
    console.error(`Erreur : ${MAX_RANGE_DAYS} jours au plus par commande`);
    return 2;
  }
  const config = loadConfig();
  const handle = await openReadyDatabase(config);
  let failures = 0;
  try {
    for (const d of days) {
      const run = await importNight(
        handle.db,
        tillAccessFor(config),
        { establishmentId: o.establishment, day: d, trigger: 'cli' },
        systemClock,
      );
      if (run.status === 'failed') failures++;
      const euros = (run.revenueCents / 100).toFixed(2);
      console.log(
        `${d} ${run.status.padEnd(9)} tickets ${run.tickets}, lignes ${run.lines} (+${run.linesNew} ~${run.linesChanged} -${run.linesRemoved}), ` +
          `quarantaine ${run.quarantined}, produits +${run.productsNew} ~${run.productsChanged}, CA ${euros} €, ${run.durationMs ?? 0} ms` +
          (run.errorMessage ? ` — ${run.errorMessage}` : ''),
      );
    }
  } finally {
    await handle.close();
  }
  return failures > 0 ? 1 : 0;
}
