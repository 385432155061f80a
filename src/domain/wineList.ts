/** The wine list's pure rules: sections, servings, default order, slugs and what the law asks (issue 16). */

export const SECTIONS = [
  'champagne',
  'effervescent',
  'blanc',
  'rose',
  'rouge',
  'liquoreux',
  'spiritueux',
  'biere',
  'cidre',
  'sans_alcool',
  'autre',
] as const;
export type SectionKey = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<'fr' | 'en', Record<SectionKey, string>> = {
  fr: {
    champagne: 'Champagnes',
    effervescent: 'Effervescents',
    blanc: 'Blancs',
    rose: 'Rosés',
    rouge: 'Rouges',
    liquoreux: 'Liquoreux et vins doux',
    spiritueux: 'Spiritueux',
    biere: 'Bières',
    cidre: 'Cidres',
    sans_alcool: 'Sans alcool',
    autre: 'Autres',
  },
  en: {
    champagne: 'Champagne',
    effervescent: 'Sparkling wines',
    blanc: 'White wines',
    rose: 'Rosé wines',
    rouge: 'Red wines',
    liquoreux: 'Sweet and fortified wines',
    spiritueux: 'Spirits',
    biere: 'Beers',
    cidre: 'Ciders',
    sans_alcool: 'Alcohol-free',
    autre: 'Others',
  },
};

/** The section a drink falls in by default, from its type and colour. */
export function defaultSection(type: string, colour: string | null): SectionKey {
  switch (type) {
    case 'champagne':
      return 'champagne';
    case 'sparkling':
      return 'effervescent';
    case 'fortified':
      return 'liquoreux';
    case 'spirit':
      return 'spiritueux';
    case 'beer':
      return 'biere';
    case 'cider':
      return 'cidre';
    case 'soft':
      return 'sans_alcool';
    case 'wine':
      return colour === 'blanc'
        ? 'blanc'
        : colour === 'rosé'
          ? 'rose'
          : colour === 'rouge'
            ? 'rouge'
            : 'autre';
    default:
      return 'autre';
  }
}

/** The sections in the list's chosen order, unknown keys dropped, the missing ones after in default order. */
export function orderedSections(chosen: readonly string[]): SectionKey[] {
  const known = chosen.filter((k): k is SectionKey => (SECTIONS as readonly string[]).includes(k));
  const unique = [...new Set(known)];
  return [...unique, ...SECTIONS.filter((k) => !unique.includes(k))];
}

type Sortable = {
  region: string | null;
  appellation: string | null;
  producer: string | null;
  cuvee: string | null;
  vintage: number | null;
  formatCl: number;
};

const fold = (s: string | null) => (s ?? '\uffff').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Default order within a section: region, then appellation, producer, cuvée, older vintage first, format. */
export function compareDefault(a: Sortable, b: Sortable): number {
  for (const key of ['region', 'appellation', 'producer', 'cuvee'] as const) {
    const c = fold(a[key]).localeCompare(fold(b[key]), 'fr');
    if (c !== 0) return c;
  }
  return (a.vintage ?? 9999) - (b.vintage ?? 9999) || a.formatCl - b.formatCl;
}

export type Serving = 'bottle' | 'half' | 'magnum' | 'glass' | 'carafe';
export const SERVING_ORDER: readonly Serving[] = ['glass', 'carafe', 'half', 'bottle', 'magnum'];

export const SERVING_LABELS: Record<'fr' | 'en', Record<Serving, string>> = {
  fr: { bottle: 'Bouteille', half: 'Demi-bouteille', magnum: 'Magnum', glass: 'Verre', carafe: 'Carafe' },
  en: { bottle: 'Bottle', half: 'Half bottle', magnum: 'Magnum', glass: 'Glass', carafe: 'Carafe' },
};

const roundHalf = (v: number) => Math.round(v * 2) / 2;

/**
 * How a linked till product is served, from the serving its label names (when the parser found one) and the
 * link's factor × the drink's format: a glass or carafe keeps its volume in cl, which the law asks to show.
 */
export function servingOf(input: {
  parsedServing: string | null;
  parsedCl: number | null;
  factor: number;
  drinkFormatCl: number;
}): { serving: Serving; volumeCl: number } {
  const poured = roundHalf(input.factor * input.drinkFormatCl);
  const p = input.parsedServing;
  if (p === 'glass') return { serving: 'glass', volumeCl: input.parsedCl ?? poured };
  if (p === 'carafe' || p === 'bib') return { serving: 'carafe', volumeCl: input.parsedCl ?? poured };
  if (p === 'half') return { serving: 'half', volumeCl: 37.5 };
  if (p === 'magnum') return { serving: 'magnum', volumeCl: 150 };
  // No serving word: a whole container is a bottle (half, magnum by size); a part of one is a glass or a carafe.
  if (input.factor >= 0.99) {
    const serving = poured >= 140 ? 'magnum' : poured >= 35 && poured <= 40 ? 'half' : 'bottle';
    return { serving, volumeCl: poured };
  }
  return { serving: poured <= 20 ? 'glass' : 'carafe', volumeCl: poured };
}

/** A chosen slug: lower-case letters, digits and hyphens, 3 to 60 characters, no hyphen at either end. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,58})[a-z0-9]$/;

export type Lang = 'fr' | 'en';

/** The mentions French law asks of a drinks list, and the ones every list carries. */
export const LEGAL_MENTIONS: Record<Lang, string[]> = {
  fr: [
    'Prix nets en euros, taxes et service compris.',
    'Contient des sulfites.',
    "L'abus d'alcool est dangereux pour la santé, à consommer avec modération.",
  ],
  en: [
    'Prices in euros, including taxes and service.',
    'Contains sulphites.',
    'Alcohol abuse is dangerous for your health; please drink responsibly.',
  ],
};

export const LAST_BOTTLES: Record<Lang, string> = { fr: 'Dernières bouteilles', en: 'Last bottles' };
