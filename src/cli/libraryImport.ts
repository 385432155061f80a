import fs from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { openReadyDatabase } from '../runtime.ts';
import { inTransaction } from '../db/transaction.ts';
import { establishmentIsKnown } from '../services/establishments/queries.ts';
import {
  CATALOGUE_FIELDS,
  importCatalogueRows,
  type ColumnMapping,
} from '../services/library/importSupplierCatalogue.ts';

const options = z.object({
  establishment: z.uuid({ message: 'identifiant d’établissement invalide (uuid attendu)' }),
  file: z.string().min(1, { message: '--file est requis' }),
  map: z
    .string()
    .min(1, { message: '--map est requis, par ex. producer=Domaine,cuvee=Cuvée,vintage=Millésime' }),
  separator: z.enum([',', ';', '\t']).optional(),
});

/** `cellier library-import --establishment <id> --file tarif.csv --map producer=Domaine,cuvee=Cuvée`. */
export async function libraryImportCommand(raw: Record<string, unknown>): Promise<number> {
  const parsed = options.safeParse(raw);
  if (!parsed.success) {
    console.error(`Erreur : ${parsed.error.issues.map((i) => i.message).join(' ; ')}`);
    return 2;
  }
  const o = parsed.data;
  const mapping: ColumnMapping = {};
  for (const pair of o.map.split(',')) {
    const [field, column] = pair.split('=').map((s) => s.trim());
    if (!field || !column || !(CATALOGUE_FIELDS as readonly string[]).includes(field)) {
      console.error(`Erreur : association « ${pair} » invalide (champs : ${CATALOGUE_FIELDS.join(', ')})`);
      return 2;
    }
    mapping[field as (typeof CATALOGUE_FIELDS)[number]] = column;
  }
  if (!fs.existsSync(o.file)) {
    console.error(`Erreur : fichier introuvable : ${o.file}`);
    return 2;
  }
  const handle = await openReadyDatabase(loadConfig());
  try {
    const exists = await establishmentIsKnown(handle.db, o.establishment);
    if (!exists) {
      console.error('Erreur : établissement inconnu');
      return 2;
    }
    // The bytes, not text: a Windows-1252 file from French Excel is detected and read right.
    const input = { csv: fs.readFileSync(o.file), mapping, separator: o.separator };
    const year = new Date().getFullYear();
    const report = await inTransaction(handle.db, (trx) =>
      importCatalogueRows(trx, o.establishment, input, year),
    );
    console.log(`${report.imported} lignes importées, ${report.errors.length} en erreur`);
    for (const e of report.errors) console.log(`  ligne ${e.line} : ${e.message}`);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await handle.close();
  }
}
