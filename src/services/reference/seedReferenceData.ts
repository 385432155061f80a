import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/database.ts';
import { countAppellations, upsertAppellations } from '../../db/repositories/appellations.ts';
import { parseCsvRecords } from '../../domain/csv.ts';
import { foldText } from '../../domain/text.ts';
import { countSharedEntries, upsertLibraryEntries } from '../../db/repositories/library.ts';
import { readShippedLibrary } from './shippedLibrary.ts';

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

/**
 * Loads the shipped appellations and library on first start, and again when the shipped files changed size.
 * Idempotent; runs in the caller's transaction (the start-up opens one).
 */
export async function seedReferenceData(db: Db): Promise<{ appellations: number; library: number }> {
  const appellations = readAppellations();
  if ((await countAppellations(db)) !== appellations.length) {
    await upsertAppellations(db, appellations);
  }
  const library = readShippedLibrary();
  if ((await countSharedEntries(db)) !== library.length) {
    await upsertLibraryEntries(db, library);
  }
  return { appellations: appellations.length, library: library.length };
}
