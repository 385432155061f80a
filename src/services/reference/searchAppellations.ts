import type { Db } from '../../db/database.ts';
import { searchAppellations as searchRows, type Appellation } from '../../db/repositories/appellations.ts';
import { foldText } from '../../domain/text.ts';

/** The appellation picker: accents and case do not matter. */
export function searchAppellations(db: Db, query: string, limit: number): Promise<Appellation[]> {
  return searchRows(db, foldText(query), limit);
}
