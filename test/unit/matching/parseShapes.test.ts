import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLabel } from '../../../src/matching/index.ts';
import { servingByShape, splitGlued } from '../../../src/matching/shapes.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const p = (label: string) => parseLabel(label, NOW);

describe('notation by shape', () => {
  it.each([
    ['CH.LA.POINTE.19.75CL', 2019, 75],
    ['CORNAS.ALLEGORIE.2020.150CL', 2020, 150],
    ['CAVA.2023.1,5L', 2023, 150],
    ['CARBONNIEUX.16.0.75L', 2016, 75],
    ['BTL.ANJOU.19.75', 2019, 75],
    ['VAUCLUSE.2020.75.CL', 2020, 75],
    ['1/2 CHINON 37.5CL', null, 37.5],
    ['1/2 CHINON 37.50CL', null, 37.5],
    ['PFALZ.TROCKEN.2024.37.5', 2024, 37.5],
    ['CLOS.ANCESTRAL.23.37.5', 2023, 37.5],
    ['ROSSO.DEL.BEPI.2014.1/2', 2014, 37.5],
    ['VALLEE.DU.PARADIS.18.75', 2018, 75],
    ['CHINON 18.75CL', null, 18.8],
  ])('%s: a vintage and a size joined by a dot → %s, %s cl', (label, vintage, formatCl) => {
    expect(p(label)).toMatchObject({ vintage, formatCl });
  });

  it.each([
    ['XRR VERRE 12CL CHINON', 'glass', 12, null],
    ['XRB.PICHET.50CL.CHINON', 'carafe', 50, null],
    ['CHINON 2015 ABC', null, null, 2015],
    ['CHINON17 XWR', null, null, 2017], // a vintage glued to its word, then a code
    ['GLENALLACHIE 10 YEAR', null, null, null], // an age, not a vintage behind a code
    ['GLEN 12 YEAR', null, null, null],
    ['XRR 20 MEDOC CH PLAGNAC', null, null, 2020], // a vintage written first, behind the code
    ['XRB.19.MARGNAT.COTEAUX', null, null, 2019],
    ['SANTENAY.V.V.20.XWR', null, null, 2020], // a bare year before a trailing code
    ['GLENLIVET 12 YEAR', null, null, null],
  ])('%s: a code at the edge does not hide the notation behind it', (label, serving, formatCl, vintage) => {
    expect(p(label)).toMatchObject({ serving, formatCl, vintage });
  });

  it.each([
    ["MARGAUX'15", 2015],
    ['MARGAUX/15', 2015],
    ['CH.MARGAUX.15', 2015],
    ['MARGAUX 2015', 2015],
    ['MARGAUX2015', 2015],
    ['MARGAUX15', 2015],
    ['MILL15 MARGAUX', 2015],
    ['MARGAUX MIL.2015', 2015],
    ['MARGAUX MILLESIME 98', 1998],
    ['MARGAUX 75CL', null],
    ['BDN18 BRUT', null], // a short letter-digit group is a code, not a word and a vintage
  ])('%s → vintage %s', (label, vintage) => {
    expect(p(label).vintage).toBe(vintage);
  });

  it.each([
    ['VRE12 CHINON', 'glass', 12],
    ['12CLVRE CHINON', 'glass', 12],
    ['BTL75CL CHINON', 'bottle', 75],
    ['BTLLE CHINON 75', 'bottle', 75],
    ['BOUT 75 CHINON', 'bottle', 75],
    ['CRFE 50 CHINON', 'carafe', 50],
    ['PCHT 25 GAMAY', 'carafe', 25],
    ['CHINON MGNM', 'magnum', 150],
    ['MAG 150 CDP', 'magnum', 150],
    ['MAGN CHINON', 'magnum', 150],
    ['½ BTL CHABLIS', 'half', 37.5],
    ['1/2BTL CHABLIS', 'half', 37.5],
    ['BAG IN BOX CDR 5L', 'bib', 500],
    ['BIB3L CDR', 'bib', 300],
    ['VRRE CHINON', 'glass', null],
  ])('%s → %s %s', (label, serving, formatCl) => {
    const r = p(label);
    expect(r.serving).toBe(serving);
    expect(r.formatCl).toBe(formatCl);
    expect(r.identityText).not.toMatch(/\d/);
  });

  it('reads a magnum as 150 cl whatever number follows it (MAGNUM 3 LES CELLIER: cuvée 3)', () => {
    expect(p('MAGNUM 3 LES CELLIER CDP')).toMatchObject({ serving: 'magnum', formatCl: 150 });
    expect(p('MAGNUM 3 LES CELLIER CDP').identityText).toBe('3 cellier cdp');
  });

  it('keeps words that only look like serving shortenings', () => {
    expect(servingByShape('PIC')).toBeNull(); // Pic Saint-Loup
    expect(servingByShape('CFE')).toBeNull(); // café
    expect(servingByShape('CDR')).toBeNull();
    expect(p('PIC ST LOUP').identityText).toBe('pic st loup');
  });

  it('joins nothing it should not: words joined by dots or slashes are split', () => {
    expect(p('CH.MARGAUX').identityText).toBe('ch margaux');
    expect(p('CH/MARGAUX').identityText).toBe('ch margaux');
    expect(splitGlued('S/M')).toEqual(['S/M']);
  });

  it.each([
    ['CH/MERANDE/N45//20', 2020, null, null, 'ch merande no 45'],
    ['XRR/1/2/BLLE/CHEVERNY//18', 2018, 'half', 37.5, 'xrr cheverny'],
    ['CARBONNIEUX/16/0.75L', 2016, 'bottle', 75, 'carbonnieux'],
    ['CROZES/HERMITAGE/21/1.5L', 2021, 'magnum', 150, 'crozes hermitage'],
    ['CHABLIS/1ER/1/2', null, 'half', 37.5, 'chablis 1er'],
    ['COUPE/SAUMUR/1/2/SEC', null, 'glass', null, 'saumur demi sec'],
    ['S/M/CHAMPAGNE/BRUT', null, null, null, 'champagne brut'],
    ['CELLIER/CDP/MARCEAU/3/1/2', null, 'half', 37.5, 'cellier cdp marceau 3'],
    ['BOURGOGNE/PINOT/N//20', 2020, null, null, 'bourgogne pinot noir'],
    ['GRANDE/CUV//20', 2020, null, null, 'grande cuv'],
  ])(
    '%s: words joined by slashes, with a fraction or a year mark among them',
    (label, vintage, serving, formatCl, text) => {
      expect(p(label)).toMatchObject({ vintage, serving, formatCl, identityText: text });
    },
  );

  it('reads elisions and demi-sec written with a fraction', () => {
    expect(p("VRE 2020 L'INITIAL DNE DE BEYSSAC")).toMatchObject({ vintage: 2020, formatCl: null });
    expect(p("VRE 2020 L'INITIAL DNE DE BEYSSAC").identityText).toBe('initial dne beyssac');
    expect(p("TERRE D'ARGENCE21")).toMatchObject({ vintage: 2021, identityText: 'terre argence' });
    const demiSec = p('COUPE.SAUMUR.LACHETEAU.1/2.SEC');
    expect(demiSec).toMatchObject({ serving: 'glass', formatCl: null });
    expect(demiSec.identityText).toBe('saumur lacheteau demi sec');
  });
});

const word = fc.stringMatching(/^[A-Za-z]{1,9}$/);
const sizeToken = fc
  .tuple(
    fc.constantFrom(2, 4, 5, 8, 10, 12, 15, 18, 19, 20, 21, 22, 25, 33, 35, 50, 62, 70, 75, 98, 99, 100, 150),
    fc.constantFrom('CL', ' CL', 'cl', 'C'),
    fc.constantFrom('', 'BTL', 'VRE', 'MAGNUM', 'CHINON', 'VERRE '),
    fc.boolean(),
  )
  .map(([n, unit, glue, after]) => {
    const size = `${n}${unit}`;
    if (glue === '') return size;
    // a word glued after a size only when the unit is glued too ("75 CLOS" is a number and a word)
    return after ? `${n}${unit.trim()}${glue.trim()}` : `${glue}${size}`;
  });

describe('fuzz: the parser on outside data', () => {
  it('never reads a vintage out of a size', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 5 }), sizeToken, fc.nat(5), (ws, size, at) => {
        const parts = [...ws];
        parts.splice(Math.min(at, parts.length), 0, size);
        const r = p(parts.join(' '));
        expect(r.vintage, parts.join(' ')).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('never crashes and keeps its invariants on any text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(
          fc.constantFrom(
            'BTL',
            'VRE',
            '12',
            '75CL',
            "'",
            '/',
            '.',
            '15',
            '½',
            'MILL',
            'A',
            '1/2',
            '2015',
            '-',
          ),
          {
            maxLength: 40,
          },
        )
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (label) => {
        const r = p(label);
        expect(r.tokens.length).toBeLessThanOrEqual(64);
        if (r.vintage !== null) expect(r.vintage).toBeGreaterThanOrEqual(1950);
        if (r.vintage !== null) expect(r.vintage).toBeLessThanOrEqual(2026);
        if (r.formatCl !== null) expect(r.formatCl).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
