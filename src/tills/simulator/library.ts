import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

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
export type LibraryAppellation = { id: string; name: string; colours: string[] };

const LIBRARY_DIR = fileURLToPath(new URL('../../../resources/library/', import.meta.url));

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header = [], ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function readCsv(file: string, dir: string): Record<string, string>[] {
  return parseCsv(fs.readFileSync(`${dir}${file}`, 'utf8'));
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
