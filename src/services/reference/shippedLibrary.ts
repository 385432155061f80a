import fs from 'node:fs';
import path from 'node:path';
import { parseCsvRecords } from '../../domain/csv.ts';
import { foldText } from '../../domain/text.ts';
import type { LibraryInsert } from '../../db/repositories/library.ts';
import { RESOURCES_DIR, readAppellations } from './seedReferenceData.ts';

type LibraryRow = LibraryInsert;

const list = (s: string | undefined): string[] =>
  s
    ? s
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
const STILL = ['rouge', 'blanc', 'rosé'] as const;

export const librarySearchText = (
  r: Pick<LibraryRow, 'producer' | 'cuvee' | 'appellation' | 'region' | 'name'>,
): string => foldText([r.producer, r.cuvee, r.appellation, r.region, r.name].filter(Boolean).join(' '));

/** The CC0 X-Wines list; a French region that names an INAO appellation becomes the entry's appellation. */
function readXWines(appellationNames: Map<string, string>): LibraryRow[] {
  const text = fs.readFileSync(path.join(RESOURCES_DIR, 'library', 'wines.csv'), 'utf8');
  return parseCsvRecords(text).map((r) => {
    const region = r.region || null;
    const appellation = region ? (appellationNames.get(foldText(region)) ?? null) : null;
    const row = {
      id: r.id ?? '',
      establishment_id: null,
      source: 'xwines' as const,
      type: r.type || 'wine',
      colour: r.colour || null,
      producer: r.producer || null,
      cuvee: r.name || null,
      appellation,
      region,
      country: r.country || null,
      grapes: list(r.grapes),
      vintages: list(r.vintages)
        .filter((v) => /^\d{4}$/.test(v))
        .map(Number),
      formats_cl: [],
      name: [r.producer, r.name].filter(Boolean).join(' '),
      subtype: null,
    };
    return { ...row, search_text: librarySearchText(row) };
  });
}

/** House wines: one generic identity per appellation and colour ("Côtes du Rhône rouge", "Crémant de Loire brut"). */
function genericHouseWines(): LibraryRow[] {
  const rows: LibraryRow[] = [];
  for (const a of readAppellations()) {
    // Crémants and Champagne are sparkling whatever colour INAO lists; other appellations are still wines.
    const sparklingOnly = /^(champagne|cr[ée]mant|blanquette)/i.test(a.name);
    for (const colour of STILL) {
      if (!a.colours.includes(colour)) continue;
      const type = sparklingOnly ? (/^champagne/i.test(a.name) ? 'champagne' : 'sparkling') : 'wine';
      if (sparklingOnly && colour === 'rouge') continue;
      const name = sparklingOnly && colour === 'blanc' ? `${a.name} brut` : `${a.name} ${colour}`;
      const row = {
        id: `gen-${a.id}-${foldText(colour)}`,
        establishment_id: null,
        source: 'generic' as const,
        type,
        colour,
        producer: null,
        cuvee: null,
        appellation: a.name,
        region: a.wine_region,
        country: 'France',
        grapes: [],
        vintages: [],
        formats_cl: [],
        name,
        subtype: null,
      };
      rows.push({ ...row, search_text: librarySearchText(row) });
    }
  }
  return rows;
}

export function readShippedLibrary(): LibraryRow[] {
  const names = new Map(
    readAppellations().flatMap((a) => [a.name, ...a.alt_names].map((n) => [foldText(n), a.name] as const)),
  );
  return [...readXWines(names), ...genericHouseWines()];
}
