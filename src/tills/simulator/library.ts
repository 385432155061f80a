import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsvRecords } from '../../domain/csv.ts';

/** Rows of Cellier's shipped library, read at start: the simulator sells wines the matcher can find. */
export type LibraryWine = {
  id: string;
  type: string;
  colour: string;
  producer: string;
  name: string;
  country: string;
  vintages: string[];
};
type LibraryAppellation = { id: string; name: string; colours: string[] };

const LIBRARY_DIR = fileURLToPath(new URL('../../../resources/library/', import.meta.url));

function readCsv(file: string, dir: string): Record<string, string>[] {
  return parseCsvRecords(fs.readFileSync(`${dir}${file}`, 'utf8'));
}

export type Library = { wines: LibraryWine[]; appellations: LibraryAppellation[] };

let cached: Library | undefined;

export function loadLibrary(dir: string = LIBRARY_DIR): Library {
  if (dir === LIBRARY_DIR && cached) return cached;
  const wines = readCsv('wines.csv', dir).map((r) => ({
    id: r.id ?? '',
    type: r.type ?? '',
    colour: r.colour ?? '',
    producer: r.producer ?? '',
    name: r.name ?? '',
    country: r.country ?? '',
    vintages: (r.vintages ?? '').split('|').filter((v) => v !== ''),
  }));
  const appellations = readCsv('appellations.csv', dir).map((r) => ({
    id: r.id ?? '',
    name: r.name ?? '',
    colours: (r.colours ?? '').split('|').filter((c) => c !== ''),
  }));
  const library = { wines, appellations };
  if (dir === LIBRARY_DIR) cached = library;
  return library;
}
