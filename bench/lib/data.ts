// Loading the benchmark library (JSONL) and cases (TSV).
import { readFileSync } from 'node:fs';
import type { EntryType, LibraryEntry } from '../../src/matching/index.ts';

export type Case = {
  label: string;
  wineId: string;
  vintage: string;
  formatCl: string;
  serving: string;
  kind: 'in-library' | 'not-in-library' | 'not-a-drink';
  style: string;
};

type RawEntry = Omit<LibraryEntry, 'formatsCl'> & { formats_cl?: number[]; type: EntryType };

export function loadLibrary(path: string): LibraryEntry[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const r = JSON.parse(l) as RawEntry;
      return {
        id: r.id,
        type: r.type,
        colour: r.colour ?? null,
        producer: r.producer ?? null,
        cuvee: r.cuvee ?? null,
        appellation: r.appellation ?? null,
        region: r.region ?? null,
        country: r.country ?? null,
        vintages: r.vintages ?? [],
        formatsCl: r.formats_cl ?? [],
        name: r.name,
        subtype: r.subtype ?? null,
      };
    });
}

export function loadCases(path: string): Case[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split('\n');
  const cols = (header ?? '').split('\t');
  const at = (cells: string[], name: string): string => cells[cols.indexOf(name)] ?? '';
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const c = l.split('\t');
      return {
        label: at(c, 'label'),
        wineId: at(c, 'wine_id'),
        vintage: at(c, 'vintage'),
        formatCl: at(c, 'format_cl'),
        serving: at(c, 'serving'),
        kind: at(c, 'kind') as Case['kind'],
        style: at(c, 'style'),
      };
    });
}
