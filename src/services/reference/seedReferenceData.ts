import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/database.ts';
import { countAppellations, upsertAppellations } from '../../db/repositories/appellations.ts';
import { parseCsvRecords } from '../../domain/csv.ts';
import { foldText } from '../../domain/text.ts';

export const RESOURCES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources');

const list = (s: string | undefined): string[] =>
  s
    ? s
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

export function readAppellations(file = path.join(RESOURCES_DIR, 'library', 'appellations.csv')) {
  return parseCsvRecords(fs.readFileSync(file, 'utf8')).map((r) => {
    const name = r.name ?? '';
    const altNames = list(r.alt_names);
    return {
      id: r.id ?? foldText(name).replace(/ /g, '-'),
      name,
      sign: r.sign ?? 'AOP',
      wine_region: r.wine_region || null,
      colours: list(r.colours),
      alt_names: altNames,
      search_text: foldText([name, ...altNames].join(' ')),
    };
  });
}

/** Loads the shipped INAO appellations on first start, and again when the shipped file grew. Idempotent. */
export async function seedReferenceData(db: Db): Promise<{ appellations: number }> {
  const appellations = readAppellations();
  if ((await countAppellations(db)) !== appellations.length) {
    await db.transaction().execute((trx) => upsertAppellations(trx, appellations));
  }
  return { appellations: appellations.length };
}
