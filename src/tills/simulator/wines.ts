import { COLOUR_WORD, abbreviate, fitLabel, twoDigitVintage, wineBody } from './labels.ts';
import type { Library, LibraryWine } from './library.ts';
import { FAMILIES, HOUSE_APPELLATIONS, type Category, type Family } from './menu.ts';
import { int, pick, sample, type Rng } from './prng.ts';

/** A till button before ids and dates are assigned. */
export type Draft = {
  label: string;
  euros: number;
  category: Category;
  family: Family;
  vat: number;
  /** Present for buttons whose label ends with a vintage the till operator updates. */
  vintageParts?: { prefix: string; body: string; vintage: number };
};

export const frenchWines = (library: Library): LibraryWine[] =>
  library.wines.filter((w) => w.country === 'France' && ['wine', 'champagne', 'sparkling'].includes(w.type));

function chooseVintage(rng: Rng, wine: LibraryWine): number | null {
  const recent = wine.vintages.filter((v) => v >= '2010' && v <= '2022').map(Number);
  if (wine.vintages.includes('NV') && (wine.type !== 'wine' || recent.length === 0) && rng() < 0.7)
    return null;
  return recent.length > 0 ? pick(rng, recent.slice(-6)) : null;
}

function bottleEuros(rng: Rng, wine: LibraryWine, priceLevel: number): number {
  const prestige = /Premier Grand Cru|Grand Cru Class/.test(wine.name);
  const base = prestige ? 140 + rng() * 320 : wine.type === 'champagne' ? 65 + rng() * 50 : 28 + rng() * 45;
  return Math.round(base * priceLevel);
}

function familyOf(wine: LibraryWine): Family {
  if (wine.type === 'champagne') return FAMILIES.champagne;
  if (wine.type === 'sparkling') return FAMILIES.bulles;
  return wine.colour === 'blanc' ? FAMILIES.blanc : wine.colour === 'rosé' ? FAMILIES.rose : FAMILIES.rouge;
}

/** A bottle button (and sometimes a glass or coupe one) for a library wine. */
export function wineDrafts(rng: Rng, wine: LibraryWine, glassShare: number, priceLevel: number): Draft[] {
  const vintage = chooseVintage(rng, wine);
  const body = wineBody(wine.producer, wine.name);
  const yy = twoDigitVintage(vintage === null ? null : String(vintage));
  const euros = bottleEuros(rng, wine, priceLevel);
  const parts = (prefix: string) => (vintage === null ? {} : { vintageParts: { prefix, body, vintage } });
  const drafts: Draft[] = [
    {
      label: fitLabel('BTL', body, yy),
      euros,
      category: 'wine_btl',
      family: familyOf(wine),
      vat: 20,
      ...parts('BTL'),
    },
  ];
  if (rng() < glassShare && euros < 150) {
    const prefix = wine.type === 'wine' ? 'VRE' : 'CP';
    const glass = Math.max(5, Math.round((euros / 5.5) * 2) / 2);
    drafts.push({
      label: fitLabel(prefix, body, yy),
      euros: glass,
      category: 'wine_glass',
      family: FAMILIES.verre,
      vat: 20,
      ...parts(prefix),
    });
  }
  return drafts;
}

/** House wines name an appellation and a colour: "VRE CDR RGE", "PICHET BORDEAUX 50", "PICHET 50 BLC …". */
export function houseDrafts(rng: Rng, library: Library): Draft[] {
  const known = HOUSE_APPELLATIONS.flatMap((id) => library.appellations.filter((a) => a.id === id));
  const drafts: Draft[] = [];
  for (const app of sample(rng, known, int(rng, 3, 4))) {
    const colours = app.colours.filter((c) => c in COLOUR_WORD);
    for (const colour of sample(rng, colours, int(rng, 1, Math.min(2, colours.length)))) {
      const col = COLOUR_WORD[colour] ?? '';
      const name = abbreviate(app.name);
      const house = (label: string, euros: number, category: Category, family: Family): Draft => ({
        label,
        euros,
        category,
        family,
        vat: 20,
      });
      drafts.push(house(fitLabel('VRE', name, col), 5 + int(rng, 0, 3) / 2, 'house', FAMILIES.verre));
      const pichet50 =
        colour === 'rouge' ? fitLabel('PICHET', name, '50') : fitLabel('PICHET 50', `${col} ${name}`);
      drafts.push(house(pichet50, 16 + int(rng, 0, 6), 'house', FAMILIES.pichet));
      drafts.push(
        house(fitLabel('PICHET 25', `${name} ${col}`), 9 + int(rng, 0, 4), 'house', FAMILIES.pichet),
      );
    }
  }
  drafts.push({
    label: 'CP CHAMP BRUT',
    euros: 12,
    category: 'champagne',
    family: FAMILIES.champagne,
    vat: 20,
  });
  drafts.push({
    label: 'BTL CHAMP BRUT MAISON',
    euros: 65,
    category: 'champagne',
    family: FAMILIES.champagne,
    vat: 20,
  });
  return drafts;
}
