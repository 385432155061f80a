import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { establishmentExists } from '../db/repositories/establishments.ts';
import { rebuildDrinkStock } from '../db/repositories/stockQuery.ts';
import { openReadyDatabase } from '../runtime.ts';

const options = z.object({
  establishment: z.uuid({ message: 'identifiant d’établissement invalide (uuid attendu)' }).optional(),
});

/** `cellier stock rebuild [--establishment <id>]`: recomputes the stock summary from the ledger, in one transaction. */
export async function stockRebuildCommand(raw: Record<string, unknown>): Promise<number> {
  const parsed = options.safeParse(raw);
  if (!parsed.success) {
    console.error(`Erreur : ${parsed.error.issues.map((i) => i.message).join(' ; ')}`);
    return 2;
  }
  const { establishment } = parsed.data;
  const handle = await openReadyDatabase(loadConfig());
  try {
    if (establishment !== undefined && !(await establishmentExists(handle.db, establishment))) {
      console.error('Erreur : établissement inconnu');
      return 2;
    }
    const started = performance.now();
    const drinks = await handle.db.transaction().execute((trx) => rebuildDrinkStock(trx, establishment));
    console.log(`Stock recalculé pour ${drinks} boissons en ${Math.round(performance.now() - started)} ms.`);
    return 0;
  } finally {
    await handle.close();
  }
}
