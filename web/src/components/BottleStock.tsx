import type { Drink } from '../../../src/http/contract.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { bottlesText, glassesTitle } from './format.ts';

/** A drink's stock in bottles; hovering shows the glasses behind it when the drink is poured by the glass. */
export function BottleStock({ drink }: { drink: Pick<Drink, 'stock' | 'formatCl' | 'type'> }) {
  const { locale } = useI18n();
  const title = glassesTitle(drink, locale);
  return <span title={title}>{bottlesText(drink.stock, locale)}</span>;
}
