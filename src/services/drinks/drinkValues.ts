import type { Db } from '../../db/database.ts';
import { findAppellation } from '../../db/repositories/appellations.ts';
import type { DrinkValues } from '../../db/repositories/drinks.ts';
import type { LibraryEntryRecord } from '../../db/repositories/library.ts';
import type { Colour, DrinkType } from '../../domain/drink.ts';
import { invalidField } from '../../domain/errors.ts';
import { foldText } from '../../domain/text.ts';

export type DrinkInput = Omit<DrinkValues, 'appellation'> & { appellation?: string | null | undefined };

/** Resolves the INAO appellation (its name and region win over free text) and trims what people type. */
export async function resolveDrinkValues(db: Db, input: DrinkInput): Promise<DrinkValues> {
  const clean = (s: string | null | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);
  let appellation = clean(input.appellation);
  let region = clean(input.region);
  if (input.appellationId) {
    const found = await findAppellation(db, input.appellationId);
    if (!found) throw invalidField('appellationId', 'Appellation inconnue');
    appellation = found.name;
    region ??= found.wineRegion;
  }
  return {
    ...input,
    producer: clean(input.producer),
    cuvee: clean(input.cuvee),
    appellation,
    region,
    country: clean(input.country) ?? (input.appellationId ? 'France' : null),
    location: clean(input.location),
    grapes: input.grapes.map((g) => g.trim()).filter((g) => g !== ''),
  };
}

/** A new drink's values from a library entry, at the vintage and format the user chose. */
export function drinkValuesFromEntry(
  entry: LibraryEntryRecord,
  target: { vintage: number | null; formatCl: number; location?: string | null },
): DrinkValues {
  return {
    libraryEntryId: entry.id,
    type: entry.type as DrinkType,
    colour: entry.colour as Colour | null,
    producer: entry.producer,
    cuvee: entry.cuvee,
    appellationId: null,
    appellation: entry.appellation,
    region: entry.region,
    country: entry.country,
    grapes: entry.grapes,
    vintage: target.vintage,
    formatCl: target.formatCl,
    purchasePriceCents: null,
    salePriceCents: null,
    location: target.location ?? null,
    minStock: null,
  };
}

export function drinkSearchText(v: DrinkValues): string {
  return foldText(
    [
      v.producer,
      v.cuvee,
      v.appellation,
      v.region,
      v.country,
      v.colour,
      v.vintage?.toString(),
      v.location,
      ...v.grapes,
    ]
      .filter(Boolean)
      .join(' '),
  );
}
