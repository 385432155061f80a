import crypto from 'node:crypto';
import type { Db } from '../../db/database.ts';
import {
  findEntryVariants,
  upsertLibraryEntries,
  type LibraryInsert,
} from '../../db/repositories/library.ts';
import type { DrinkValues } from '../../db/repositories/drinks.ts';
import { foldText } from '../../domain/text.ts';
import { librarySearchText } from '../reference/shippedLibrary.ts';

type Identity = Pick<
  DrinkValues,
  'type' | 'colour' | 'producer' | 'cuvee' | 'appellation' | 'region' | 'country' | 'grapes'
> & {
  vintages: number[];
  formatsCl: number[];
};

/** Same identity, same id: re-creating or re-importing a wine updates its entry instead of duplicating it. */
function privateEntryId(establishmentId: string, prefix: 'est' | 'sup', identity: Identity): string {
  const key = [identity.type, identity.colour, identity.producer, identity.cuvee, identity.appellation]
    .map((v) => foldText(v ?? ''))
    .join('|');
  return `${prefix}-${crypto.createHash('sha256').update(`${establishmentId}|${key}`).digest('hex').slice(0, 20)}`;
}

export function privateEntryRow(
  establishmentId: string,
  source: 'establishment' | 'supplier',
  identity: Identity,
): LibraryInsert {
  const name =
    [identity.producer, identity.cuvee, identity.appellation].filter(Boolean).join(' ') || 'Sans nom';
  const row = {
    id: privateEntryId(establishmentId, source === 'establishment' ? 'est' : 'sup', identity),
    establishment_id: establishmentId,
    source,
    type: identity.type,
    colour: identity.colour,
    producer: identity.producer,
    cuvee: identity.cuvee,
    appellation: identity.appellation,
    region: identity.region,
    country: identity.country,
    grapes: identity.grapes,
    vintages: identity.vintages,
    formats_cl: identity.formatsCl,
    name,
    subtype: null,
  };
  return { ...row, search_text: librarySearchText(row) };
}

/** A drink entered by hand joins the establishment's private library, so the matcher knows it next time. */
export async function libraryEntryForDrink(db: Db, establishmentId: string, v: DrinkValues): Promise<string> {
  const row = privateEntryRow(establishmentId, 'establishment', {
    ...v,
    vintages: v.vintage ? [v.vintage] : [],
    formatsCl: [v.formatCl],
  });
  const existing = await findEntryVariants(db, row.id);
  if (existing) {
    row.vintages = [...new Set([...existing.vintages, ...row.vintages])].sort();
    row.formats_cl = [...new Set([...existing.formatsCl, ...row.formats_cl])].sort((a, b) => a - b);
  }
  await upsertLibraryEntries(db, [row]);
  return row.id;
}
