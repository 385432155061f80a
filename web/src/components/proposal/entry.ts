import { type Colour, DRINK_TYPES, type DrinkType } from '../../../../src/domain/drink.ts';
import type { LibraryEntry } from '../../../../src/http/contract.ts';
import type { MessageKey } from '../../i18n/i18n.tsx';

/** The matcher's reasons, as words. */
export const WHY: Record<string, MessageKey> = {
  producer: 'sync.whyProducer',
  cuvee: 'sync.whyCuvee',
  appellation: 'sync.whyAppellation',
  name: 'sync.whyName',
  region: 'sync.whyRegion',
  type: 'sync.whyType',
  colour: 'sync.whyColour',
  learnt: 'sync.whyLearnt',
  shared: 'sync.whyShared',
  catalogue: 'sync.whyCatalogue',
};

export const asColour = (c: string | null | undefined): Colour | '' =>
  c === 'rouge' || c === 'blanc' || c === 'rosé' ? c : '';

export const asType = (c: string | null | undefined): DrinkType =>
  (DRINK_TYPES as readonly string[]).includes(c ?? '') ? (c as DrinkType) : 'wine';

export function entryTitle(e: LibraryEntry): string {
  return [e.producer, e.cuvee].filter(Boolean).join(' · ') || e.appellation || e.name;
}
