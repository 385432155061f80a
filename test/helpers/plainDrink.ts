import type { DrinkValues } from '../../src/db/repositories/drinks.ts';

/** A drink with nothing but what a test needs: a 75 cl wine by default, without library entry, prices or place. */
export function plainDrink(overrides: Partial<DrinkValues> = {}): DrinkValues {
  return {
    libraryEntryId: null,
    type: 'wine',
    colour: null,
    producer: 'P',
    cuvee: null,
    appellationId: null,
    appellation: null,
    region: null,
    country: null,
    grapes: [],
    vintage: null,
    formatCl: 75,
    purchasePriceCents: null,
    salePriceCents: null,
    location: null,
    minStock: null,
    ...overrides,
  };
}
