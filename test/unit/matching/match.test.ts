import { describe, expect, it } from 'vitest';
import { buildMatchIndex, match, parseLabel, type LibraryEntry } from '../../../src/matching/index.ts';
import { LIBRARY } from './library.fixture.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const index = buildMatchIndex(LIBRARY);
const m = (label: string) => match(index, label, { now: NOW });

describe('match: identity with French wine knowledge', () => {
  it.each([
    ['BTL CH MARGAUX 2015', 'margaux'],
    ['CHT MARGAUX', 'margaux'],
    ['PAVILLON RGE CH MARGAUX 18', 'pavillon'],
    ['CH MARGUAX', 'margaux'], // typo
    ['VERRE CH PALMER 12', 'palmer'],
    ['VRE CDR RGE', 'cdr-rouge'],
    ['PICHET CDR BLC 50CL', 'cdr-blanc'],
    ['VERRE COTES DU RHONE RSE', 'cdr-rose'],
    ['GUIGAL CDR 2020', 'guigal-cdr'],
    ['GUIGAL COTE ROTIE LA LANDO', 'landonne'], // cut by the till
    ['COUPE RUINART BDB', 'ruinart-bdb'],
    ['CP RUINART RSE', 'ruinart-rose'],
    ['CDP BEAUCASTEL 2019', 'beaucastel'],
    ['BEAUCASTEL ROUSSANNE VV', 'beaucastel-vv'],
    ['DNE ST PREFERT AUGUSTE FAVIER', 'prefert'],
    ['VACHERON SANCERRE 2023', 'vacheron'],
    ['SANCERRE LES ROMAINS VACHERON', 'vacheron-romains'], // re-ordered
    ['FEVRE CHABLIS 1ER CRU FOURCHAUME', 'fevre-fourchaume'],
    ['GLENFIDDICH 12 ANS 4CL', 'glenfiddich-12'],
    ['GLENFIDDICH 15 YO', 'glenfiddich-15'],
    ['PERRIER 33CL', 'perrier'],
  ])('%s → %s (accepted)', (label, id) => {
    const a = m(label);
    expect(a.candidates[0]?.id).toBe(id);
    expect(a.decision).not.toBe('non');
  });

  it('says oui when the vintage and format are known, presque when they are not', () => {
    expect(m('CH MARGAUX 2015 75CL').decision).toBe('oui');
    expect(m('CH MARGAUX 2009').decision).toBe('presque');
    expect(m('CH MARGAUX 2015 37.5CL').decision).toBe('presque');
  });

  it('maps an appellation-only house wine to the generic identity (producer null)', () => {
    const a = m('VRE CDR RGE');
    expect(a).toMatchObject({ serving: 'glass', colour: 'rouge', decision: 'oui' });
    expect(LIBRARY.find((e) => e.id === a.candidates[0]?.id)?.producer).toBeNull();
  });

  it('explains its choice field by field', () => {
    const why = m('GUIGAL COTE ROTIE LA LANDONNE').candidates[0]?.why ?? [];
    expect(why).toEqual(expect.arrayContaining(['producer', 'cuvee', 'appellation']));
  });

  it('returns at most limit candidates, best first', () => {
    const a = match(index, 'CH MARGAUX', { limit: 2, now: NOW });
    expect(a.candidates.length).toBeLessThanOrEqual(2);
    const scores = a.candidates.map((c) => c.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it('gives a spirit bottle its standard 70 cl size and a soft-drink 37.5 cl a bottle, not a half', () => {
    expect(m('BTL GLENFIDDICH 12 ANS')).toMatchObject({ serving: 'bottle', formatCl: 70 });
    expect(m('BTL CH MARGAUX')).toMatchObject({ serving: 'bottle', formatCl: null });
    expect(m('PERRIER 37.5CL')).toMatchObject({ serving: 'bottle', formatCl: 37.5 });
    expect(m('CH MARGAUX 37.5CL')).toMatchObject({ serving: 'half', formatCl: 37.5 });
  });

  it('does not let a kind word explain another kind (a vodka is not a gin)', () => {
    expect(m('GLENFIDDICH 12 ANS WHISKY').decision).not.toBe('non');
    expect(m('GLENFIDDICH 12 ANS VODKA').decision).toBe('non');
  });

  it.each([
    ['VINS ROUGES VERRE CDR', 'cdr-rouge', 'glass'],
    ['V.BLANC BTL CDR', 'cdr-blanc', 'bottle'],
    ['VIN ROSE VRE CDR 12CL', 'cdr-rose', 'glass'],
    ['ROSES/CARAFE/CDR', 'cdr-rose', 'carafe'],
  ])('reads the till family %s as a colour, and the serving behind it', (label, id, serving) => {
    const a = m(label);
    expect(a).toMatchObject({ decision: 'oui', serving });
    expect(a.candidates[0]?.id).toBe(id);
  });

  it('keeps a plural colour inside a name as a word of the name', () => {
    expect(m('RUINART BLANC DE BLANCS').candidates[0]?.id).toBe('ruinart-bdb');
    expect(parseLabel('RUINART DE BLANCS BRUT', NOW).colour).toBeNull();
  });

  it('reads a year glued to a short library word, not to a name the library holds whole', () => {
    expect(m('GUIGAL CDR20')).toMatchObject({ vintage: 2020, decision: 'oui' });
    expect(m('GUIGAL CDR20').candidates[0]?.id).toBe('guigal-cdr');
    expect(m('FEVRE CHABLIS 1ER19 FOURCHAUME').vintage).toBe(2019);
  });

  it('steps over a trailing consonant code, not over two trailing letters that may name a cuvée', () => {
    const coded = m('GUIGAL COTE ROTIE XWR');
    expect(coded.candidates[0]?.id).toBe('landonne');
    expect(coded.decision).not.toBe('non');
    expect(m('GUIGAL COTE ROTIE XB').decision).toBe('non');
    expect(m('GUIGAL COTE ROTIE ABC').decision).toBe('non');
    // beside a single word that names the whole drink, as a leading code would be
    expect(m('PERRIER XWB').decision).toBe('oui');
    expect(m('PERRIER ABC').decision).toBe('non');
  });

  it('reads a whisky age as part of the name, not as a vintage', () => {
    expect(m('GLENFIDDICH 12').vintage).toBeNull();
  });
});

describe('match: evidence both ways', () => {
  it.each([
    'CH PALMER ALTER EGO', // another cuvée of a known producer
    'CH MARGAUX PAVILLON BLANC', // look-alike: white Pavillon not in library
    'DOMAINE VACHERON POUILLY FUME', // known producer, unknown appellation
    'GUIGAL HERMITAGE EX VOTO',
    'RUINART R DE RUINART', // "R" explained as rouge? no: another cuvée
  ])('rejects the look-alike %s', (label) => {
    expect(m(label).decision).toBe('non');
  });

  it.each([
    'ENTRECOTE 300G',
    'CAFE',
    'MENU 25',
    'CREME BRULEE',
    'COUVERT',
    'CARAFE D EAU',
    'TARTARE AR',
    'SUPP FRITES',
  ])('answers non to the not-a-drink label %s', (label) => {
    expect(m(label).decision).toBe('non');
  });

  it('does not accept a colour word that contradicts the candidate', () => {
    const a = m('RUINART BLANC DE BLANCS ROSE');
    expect(a.decision === 'non' || a.candidates[0]?.id !== 'ruinart-bdb').toBe(true);
  });
});

describe('MatchIndex.add', () => {
  it('learns an establishment-private drink at run time', () => {
    const local = buildMatchIndex(LIBRARY);
    expect(match(local, 'VRE CUVEE DU PATRON RGE', { now: NOW }).decision).toBe('non');
    const house: LibraryEntry = {
      id: 'house-1',
      type: 'wine',
      colour: 'rouge',
      producer: 'Bistrot Dupont',
      cuvee: 'Cuvée du Patron',
      appellation: null,
      region: null,
      country: 'France',
      vintages: [],
      formatsCl: [],
      name: 'Cuvée du Patron',
    };
    local.add(house);
    const a = match(local, 'VRE CUVEE DU PATRON RGE', { now: NOW });
    expect(a.candidates[0]?.id).toBe('house-1');
    expect(a.decision).toBe('oui');
  });

  it('replaces an entry added again with the same id', () => {
    const local = buildMatchIndex(LIBRARY);
    const base = LIBRARY.find((e) => e.id === 'palmer');
    if (!base) throw new Error('fixture');
    local.add({ ...base, name: 'Château Palmer Alter Ego', cuvee: 'Alter Ego' });
    const ids = match(local, 'CH PALMER ALTER EGO', { now: NOW }).candidates.map((c) => c.id);
    expect(ids.filter((id) => id === 'palmer')).toHaveLength(1);
    expect(ids[0]).toBe('palmer');
  });
});
