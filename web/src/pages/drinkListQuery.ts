import { COLOURS, DRINK_SORTS, DRINK_TYPES } from '../../../src/domain/drink.ts';
import type { DrinkQuery } from '../../../src/http/contract.ts';

export const PAGE_SIZE = 50;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** The list's state lives in the URL so that the back button and shared links keep the filters. */
export function queryFromSearch(search: URLSearchParams): DrinkQuery {
  const stock = search.get('stock');
  const page = Number(search.get('page') ?? '1');
  const query: DrinkQuery = {
    sort: oneOf(DRINK_SORTS, search.get('sort')) ?? 'name',
    order: search.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
  const q = search.get('q')?.trim();
  if (q) query.q = q;
  const colour = oneOf(COLOURS, search.get('colour'));
  if (colour) query.colour = colour;
  const type = oneOf(DRINK_TYPES, search.get('type'));
  if (type) query.type = type;
  const region = search.get('region');
  if (region) query.region = region;
  if (stock === 'in') query.inStock = true;
  if (stock === 'out') query.inStock = false;
  if (search.get('archived') === 'true') query.archived = true;
  return query;
}

/** A new search string with one parameter changed; any filter change returns to page 1. */
export function withParam(search: URLSearchParams, key: string, value: string | null): string {
  const next = new URLSearchParams(search);
  if (value === null || value === '') next.delete(key);
  else next.set(key, value);
  if (key !== 'page') next.delete('page');
  const s = next.toString();
  return s ? `?${s}` : '';
}

const searchKey = (eid: string) => `cellier.drinks.${eid}`;

/** The list's filters survive a visit to a drink sheet: the back link and the tab return to them. */
export function rememberDrinkSearch(eid: string, search: string): void {
  try {
    sessionStorage.setItem(searchKey(eid), search);
  } catch {
    // Without storage the list simply starts unfiltered.
  }
}

export function drinkListPath(eid: string): string {
  let search = '';
  try {
    search = sessionStorage.getItem(searchKey(eid)) ?? '';
  } catch {
    search = '';
  }
  return `/e/${eid}/boissons${search ? `?${search}` : ''}`;
}
