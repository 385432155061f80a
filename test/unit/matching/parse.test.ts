import { describe, expect, it } from 'vitest';
import { parseLabel } from '../../../src/matching/index.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const p = (label: string) => parseLabel(label, NOW);

describe('parseLabel: serving and format', () => {
  it.each([
    ['BTL CH MARGAUX 2015', 'bottle', null],
    ['BLLE SANCERRE BLANC', 'bottle', null],
    ['VERRE CDR RGE', 'glass', null],
    ['VRE 12CL BORDEAUX', 'glass', 12],
    ['VR BEAUJOLAIS', 'glass', null],
    ['CP CHAMPAGNE BRUT', 'glass', null],
    ['COUPE RUINART BDB', 'glass', null],
    ['PICHET 50CL RG CHINON', 'carafe', 50],
    ['PICHET BORDEAUX 50', 'carafe', null],
    ['CARAFE 25 COTES DE PROVENCE RSE', 'carafe', 25],
    ['POT BEAUJOLAIS', 'carafe', 46],
    ['1/2 BTL CHABLIS', 'half', 37.5],
    ['DEMI SANCERRE', 'half', 37.5],
    ['MAG. CH PETRUS', 'magnum', 150],
    ['CH CITRAN HAUT MEDOC 1.5L', 'magnum', 150],
    ['CHABLIS 37CL5', 'half', 37.5],
    ['CHABLIS 37,5CL', 'half', 37.5],
    ['MEURSAULT 2019 75 CL', 'bottle', 75],
    ['MEURSAULT 0.75L', 'bottle', 75],
    ['GIN HENDRICKS 4CL', 'glass', 4],
    ['CANETTE COCA COLA 33CL', 'can', 33],
    ['BIB COTES DU RHONE 5L', 'bib', 500],
    ['DEMI PRESSION', 'glass', 25],
    ['CH LAFITE', null, null],
  ])('%s → %s %s', (label, serving, formatCl) => {
    const r = p(label);
    expect(r.serving).toBe(serving);
    expect(r.formatCl).toBe(formatCl);
  });

  it('reads a pour size after a carafe word as a size, not a vintage', () => {
    expect(p('PICHET 50')).toMatchObject({
      serving: 'carafe',
      formatCl: 50,
      vintage: null,
      identityText: '',
    });
  });

  it('keeps DEMI SEC as a style, not a half bottle', () => {
    const r = p('VOUVRAY DEMI SEC');
    expect(r.serving).toBeNull();
    expect(r.identityText).toBe('vouvray demi sec');
    expect(r.effervescent).toContain('demi-sec');
  });

  it('does not read a serving word that ends a name ("NON DOSE", "BY THE GLASS")', () => {
    expect(p('CUVEE PERPETUELLE NON DOSE 37.5CL').serving).toBe('half');
    expect(p('MOSEL RIESLING BY THE GLASS 21').serving).toBeNull();
  });
});

describe('parseLabel: vintage', () => {
  it.each([
    ['CH MARGAUX 2015', 2015],
    ['CH MARGAUX 15', 2015],
    ["CH MARGAUX '15", 2015],
    ['CH MARGAUX /15', 2015],
    ['CH MARGAUX 98', 1998],
    ['2019 CHABLIS', 2019],
    ['VRE 2020 GIGONDAS', 2020],
    ['CHABLIS 19 75 CL', 2019],
    ['BOURGOGNE PINOT N 2020', 2020],
  ])('%s → %d', (label, vintage) => {
    expect(p(label).vintage).toBe(vintage);
  });

  it.each([
    'PICHET 50',
    'MENU 25',
    'CUVEE 1858',
    'ENTRECOTE 300G',
    'FORMULE 19',
    'PERRIER 33CL',
    'KRONENBOURG 1664',
    'CH X 2031',
  ])('%s has no vintage', (label) => {
    expect(p(label).vintage).toBeNull();
  });

  it('takes a vintage marker with its year and a leading count with its serving', () => {
    expect(p('CH MARGAUX MILLESIME 2015')).toMatchObject({ vintage: 2015, identityText: 'ch margaux' });
    expect(p('CH MARGAUX MILL.15')).toMatchObject({ vintage: 2015, identityText: 'ch margaux' });
    expect(p('2 VERRES CDR ROUGE')).toMatchObject({ serving: 'glass', vintage: null, identityText: 'cdr' });
    expect(p('DEMI 16 VINTAGE BRUT ROEDERER').identityText).toBe('vintage brut roederer');
  });

  it('splits an age glued to its unit', () => {
    expect(p('GLENFIDDICH 12YO').identityText).toBe('glenfiddich 12 yo');
  });

  it('marks non-vintage wines', () => {
    expect(p('CHAMPAGNE BRUT NV').nonVintage).toBe(true);
    expect(p('CHAMPAGNE BRUT NV').vintage).toBeNull();
  });

  it('keeps the number of a numbered cuvée in the identity', () => {
    expect(p('CUVEE 1858').identityText).toBe('cuvee 1858');
  });
});

describe('parseLabel: colour, hints, identity', () => {
  it.each([
    ['VERRE CDR RGE', 'rouge'],
    ['CHINON RG', 'rouge'],
    ['BORDEAUX ROUGE', 'rouge'],
    ['SANCERRE BLC', 'blanc'],
    ['MACON BL', 'blanc'],
    ['TAVEL RSE', 'rosé'],
    ['Côtes de Provence rosé', 'rosé'],
    ['CH LAFITE', null],
  ])('%s → colour %s', (label, colour) => {
    expect(p(label).colour).toBe(colour);
  });

  it('finds effervescent hints and keeps their words', () => {
    const r = p('COUPE RUINART BDB EXTRA BRUT');
    expect(r.effervescent).toEqual(expect.arrayContaining(['extra brut', 'blanc de blancs']));
    expect(r.identityText).toBe('ruinart bdb extra brut');
  });

  it('keeps the raw label beside the normalised one', () => {
    const r = p('Verre Côte-Rôtie « La Landonne »');
    expect(r.raw).toBe('Verre Côte-Rôtie « La Landonne »');
    expect(r.normalised).toBe('verre cote rotie la landonne');
    expect(r.identityText).toBe('cote rotie landonne');
  });

  it('collapses dotted initials and two-word short forms', () => {
    expect(p('CHABLIS V.V.').identityText).toBe('chablis vv');
    expect(p('CH.NEUF DU PAPE').identityText).toBe('chateauneuf pape');
  });
});
