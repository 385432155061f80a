import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client.ts';
import { bottlesText, glassesTitle, parseDecimal } from '../../web/src/components/format.ts';
import { historyRows } from '../../web/src/components/MovementHistory.tsx';
import { readOnHand } from '../../web/src/components/OnHandField.tsx';
import { checkQuantity } from '../../web/src/components/MovementForm.tsx';
import { translate, type MessageKey } from '../../web/src/i18n/i18n.tsx';
import { en } from '../../web/src/i18n/en.ts';
import { fr } from '../../web/src/i18n/fr.ts';
import { queryFromSearch, withParam } from '../../web/src/pages/drinkListQuery.ts';
import { EMPTY_DRINK, toInput } from '../../web/src/pages/drinkFormValues.ts';
import { matchRoute } from '../../web/src/router.tsx';
import {
  credentialsFromDomain,
  factorText,
  groupSameWine,
  identifierFromKmlcode,
  parseFactor,
} from '../../web/src/components/tillFormat.ts';

// The SPA's pure logic, checked without a browser (it runs with the e2e project, next to the browser tests).
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('fr', key, params);

describe('web logic', () => {
  it('parses French decimals', () => {
    expect(parseDecimal('12,50')).toBe(12.5);
    expect(parseDecimal(' 3 ')).toBe(3);
    expect(parseDecimal('-1')).toBe(-1);
    expect(parseDecimal('1 234,5')).toBe(1234.5);
    expect(parseDecimal('abc')).toBeNaN();
    expect(parseDecimal('')).toBeNaN();
    expect(parseDecimal('1,2,3')).toBeNaN();
  });

  it('shows stock in bottles with a unit and at most one decimal, glasses on hover', () => {
    expect(bottlesText(-8.833, 'fr')).toBe('−8,8 bouteilles');
    expect(bottlesText(1, 'fr')).toBe('1 bouteille');
    expect(bottlesText(6, 'fr')).toBe('6 bouteilles');
    expect(bottlesText(-0.02, 'fr')).toBe('0 bouteille');
    expect(bottlesText(2.5, 'en')).toBe('2.5 bottles');
    const wine = { stock: 6, formatCl: 75, type: 'wine' as const };
    expect(glassesTitle(wine, 'fr')).toBe('≈ 38 verres de 12 cl (verre supposé, bouteille de 75 cl)');
    expect(glassesTitle({ ...wine, stock: -1 }, 'fr', 12.5)).toBe('≈ −6 verres (12,5 cl)');
    expect(glassesTitle({ ...wine, type: 'spirit' as const }, 'fr')).toBeUndefined();
  });

  it("reads « Combien en cave aujourd'hui ? »: empty is 0, a French comma, never negative", () => {
    expect(readOnHand('', t)).toEqual({ value: 0 });
    expect(readOnHand('2,5', t)).toEqual({ value: 2.5 });
    expect(readOnHand('-1', t)).toEqual({
      error: 'Le nombre de bouteilles en cave ne peut pas être négatif',
    });
    expect(readOnHand('six', t)).toHaveProperty('error');
  });

  it('interleaves till sales days with movements, newest first; the first count is the initial stock', () => {
    const mv = (id: string, at: string, initial: boolean) => ({
      id,
      drinkId: 'd',
      kind: 'count' as const,
      quantity: 6,
      occurredAt: at,
      seq: 1,
      accountId: null,
      accountEmail: null,
      note: null,
      createdAt: at,
      initial,
    });
    const rows = historyRows({
      items: [mv('a', '2026-11-01T10:00:00Z', true), mv('b', '2026-11-03T10:00:00Z', false)],
      tillSales: [
        { businessDay: '2026-11-01', quantity: 1.5, lastSoldAt: '2026-11-01T22:00:00Z' },
        { businessDay: '2026-11-04', quantity: 2, lastSoldAt: '2026-11-04T22:00:00Z' },
      ],
    });
    expect(rows.map((r) => ('sales' in r ? r.sales.businessDay : r.movement.id))).toEqual([
      '2026-11-04',
      'b',
      '2026-11-01',
      'a',
    ]);
  });

  it('checks movement quantities like the server', () => {
    expect(checkQuantity('receipt', '0', t)).toBe('La quantité doit être positive');
    expect(checkQuantity('loss', '2', t)).toBeUndefined();
    expect(checkQuantity('adjustment', '0', t)).toBe("L'ajustement ne peut pas être nul");
    expect(checkQuantity('adjustment', '-2', t)).toBeUndefined();
    expect(checkQuantity('count', '0', t)).toBeUndefined();
    expect(checkQuantity('count', '-1', t)).toBe('La quantité ne peut pas être négative');
    expect(checkQuantity('count', '1,2345', t)).toBe('Trois décimales au plus');
  });

  it('turns the drink form into the API body', () => {
    const empty = toInput(EMPTY_DRINK, t);
    expect(empty.input).toBeUndefined();
    expect(empty.errors.producer).toBe('Indiquez au moins un producteur, une cuvée ou une appellation');
    const ok = toInput(
      {
        ...EMPTY_DRINK,
        producer: ' Domaine Lapierre ',
        appellation: 'Morgon',
        appellationId: 'morgon',
        grapes: 'Gamay, , Pinot',
        nonVintage: true,
        format: 'other',
        formatCustom: '62,5',
        purchasePrice: '12,50',
        minStock: '3',
      },
      t,
    );
    expect(ok.input).toMatchObject({
      producer: 'Domaine Lapierre',
      cuvee: null,
      appellationId: 'morgon',
      grapes: ['Gamay', 'Pinot'],
      vintage: null,
      formatCl: 62.5,
      purchasePrice: 12.5,
      salePrice: null,
      minStock: 3,
    });
    const bad = toInput({ ...EMPTY_DRINK, cuvee: 'X', vintage: '15', purchasePrice: '12,345' }, t);
    expect(Object.keys(bad.errors).sort()).toEqual(['purchasePrice', 'vintage']);
  });

  it('routes and keeps list filters in the URL', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/e/E1/boissons/D1/mouvements')).toEqual({
      name: 'drink',
      eid: 'E1',
      drinkId: 'D1',
      tab: 'movements',
    });
    expect(matchRoute('/e/E1/boissons/nouvelle')).toEqual({ name: 'drinkNew', eid: 'E1' });
    expect(matchRoute('/e/E1/nimporte')).toEqual({ name: 'notFound' });
    const search = new URLSearchParams('q=morgon&colour=rouge&stock=in&page=3&sort=bogus');
    expect(queryFromSearch(search)).toEqual({
      q: 'morgon',
      colour: 'rouge',
      inStock: true,
      page: 3,
      pageSize: 50,
      sort: 'name',
      order: 'asc',
    });
    expect(withParam(search, 'colour', 'blanc')).toBe('?q=morgon&colour=blanc&stock=in&sort=bogus');
  });

  it('maps server field errors onto inputs', () => {
    const error = new ApiError(400, 'validation_failed', 'Données invalides', [
      { field: 'body.email', message: 'Adresse e-mail invalide' },
      { field: 'body.grapes.2', message: 'Cépage : 60 caractères au plus' },
    ]);
    expect(error.fieldMap()).toMatchObject({
      email: 'Adresse e-mail invalide',
      grapes: 'Cépage : 60 caractères au plus',
    });
  });

  it('has the same keys and placeholders in both languages', () => {
    for (const key of Object.keys(fr) as MessageKey[]) {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });
  it('prefills the till credentials, and reads link factors as people write them', () => {
    expect(credentialsFromDomain('https://monresto-70001.myasterio.com')).toEqual({
      kmlcode: 'monresto-70001',
      identifier: 'MONRESTO_GENERICDATA',
    });
    expect(credentialsFromDomain('https://example.com')).toBeNull();
    expect(identifierFromKmlcode('le-petit-zinc-70001')).toBe('LE_PETIT_ZINC_GENERICDATA');
    const num = (v: number) => String(v).replace('.', ',');
    expect(factorText(1, num)).toBe('1');
    expect(factorText(0.166667, num)).toBe('1/6');
    expect(factorText(0.666667, num)).toBe('2/3');
    expect(factorText(0.123, num)).toBe('0,123');
    expect(parseFactor('1/6')).toBeCloseTo(1 / 6, 6);
    expect(parseFactor('0,5')).toBe(0.5);
    expect(parseFactor('0')).toBeNaN();
    expect(parseFactor('1/0')).toBeNaN();
    expect(parseFactor('abc')).toBeNaN();
    const grouped = groupSameWine([
      { id: 'a', sameWineAs: ['c'] },
      { id: 'b', sameWineAs: [] },
      { id: 'c', sameWineAs: ['a'] },
    ]);
    expect(grouped.map((g) => `${g.item.id}${g.grouped ? '+' : ''}`)).toEqual(['a', 'c+', 'b']);
    expect(matchRoute('/e/x/boissons/d/ventes')).toEqual({
      name: 'drink',
      eid: 'x',
      drinkId: 'd',
      tab: 'sales',
    });
    expect(matchRoute('/e/x/synchronisation/propositions-sures')).toEqual({ name: 'syncSafe', eid: 'x' });
  });
});
