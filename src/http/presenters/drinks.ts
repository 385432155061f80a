import type { z } from 'zod';
import type { DrinkWithStock } from '../../domain/drink.ts';
import type { drinkResponse } from '../routes/drinks.schema.ts';

const euros = (cents: number | null) => (cents === null ? null : cents / 100);

/** The API speaks euros; the database keeps cents; the establishment is in the URL already. */
export function presentDrink(d: DrinkWithStock): z.input<typeof drinkResponse> {
  const { purchasePriceCents, salePriceCents, stockValueCents, establishmentId: _e, ...rest } = d;
  return {
    ...rest,
    purchasePrice: euros(purchasePriceCents),
    salePrice: euros(salePriceCents),
    stockValue: euros(stockValueCents),
  };
}
