/** How much of a drink one till unit takes (DESIGN §2 "Facteur"), from the serving the label names. */
type ServingKind = 'bottle' | 'half' | 'magnum' | 'glass' | 'carafe' | 'can' | 'bib';

const DEFAULT_GLASS_CL = 12.5;
const DEFAULT_SPIRIT_POUR_CL = 4;
const DEFAULT_CARAFE_CL = 50;

/** The drink a serving comes out of: a glass or a carafe is poured from a 75 cl bottle unless the label says more. */
export function containerFormatCl(
  serving: ServingKind | null,
  parsedFormatCl: number | null,
  type: string,
): number {
  switch (serving) {
    case 'half':
      return 37.5;
    case 'magnum':
      return 150;
    case 'glass':
    case 'carafe':
    case 'bib':
      return type === 'spirit' ? 70 : 75;
    case 'bottle':
    case 'can':
    case null:
      return parsedFormatCl ?? (type === 'spirit' ? 70 : type === 'beer' ? 33 : 75);
  }
}

/** Pour size in cl and factor = pour ÷ drink format, capped to sensible bounds. */
export function proposeFactor(input: {
  serving: ServingKind | null;
  parsedFormatCl: number | null;
  drinkFormatCl: number;
  type: string;
}): {
  pourCl: number;
  factor: number;
} {
  const { serving, parsedFormatCl, drinkFormatCl, type } = input;
  let pourCl: number;
  switch (serving) {
    case 'glass':
      pourCl = parsedFormatCl ?? (type === 'spirit' ? DEFAULT_SPIRIT_POUR_CL : DEFAULT_GLASS_CL);
      break;
    case 'carafe':
      pourCl = parsedFormatCl ?? DEFAULT_CARAFE_CL;
      break;
    case 'half':
    case 'magnum':
    case 'bottle':
    case 'can':
    case 'bib':
    case null:
      pourCl = drinkFormatCl;
      break;
  }
  return { pourCl, factor: roundFactor(pourCl / drinkFormatCl) };
}

const roundFactor = (f: number): number => Math.round(f * 1_000_000) / 1_000_000;
