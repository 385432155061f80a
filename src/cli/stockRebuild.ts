import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { inTransaction } from '../db/transaction.ts';
import { openReadyDatabase } from '../runtime.ts';
import { establishmentIsKnown } from '../services/establishments/queries.ts';
import { rebuildStock } from '../services/stock/rebuildStock.ts';

const options = z.object({
  establishment: z.uuid({ message: 'identifiant d’établissement invalide (uuid attendu)' }).optional(),
});

/** `cellier stock rebuild [--establishment <id>]`: recomputes the stock and sales summaries from the ledger, in one transaction. */
export async function stockRebuildCommand(raw: Record<string, unknown>): Promise<number> {
  const parsed = options.safeParse(raw);
  if (!parsed.success) {
    console.error(`Erreur : ${parsed.error.issues.map((i) => i.message).join(' ; ')}`);
    return 2;
  }
  const { establishment } = parsed.data;
  const handle = await openReadyDatabase(loadConfig());
  try {
    if (establishment !== undefined && !(await establishmentIsKnown(handle.db, establishment))) {
      console.error('Erreur : établissement inconnu');
      return 2;
    }
    const started = performance.now();
    const done = await inTransaction(handle.db, (trx) => rebuildStock(trx, establishment));
    console.log(
      `Stock recalculé pour ${done.drinks} boissons (${done.productDays} jours-produits de ventes) en ${Math.round(performance.now() - started)} ms.`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}
