// Till words for how a drink is served, with the pour or container size they imply.
import type { Serving } from './types.ts';

export type ServingWord = { serving: Serving; formatCl: number | null; draught?: boolean };

/** Upper-case ASCII words (dots removed) → serving. DEMI is resolved by context (half bottle vs draught). */
export const SERVING_WORDS: Readonly<Record<string, ServingWord>> = {
  BTL: { serving: 'bottle', formatCl: null },
  BTLE: { serving: 'bottle', formatCl: null },
  BLLE: { serving: 'bottle', formatCl: null },
  BLE: { serving: 'bottle', formatCl: null },
  BT: { serving: 'bottle', formatCl: null },
  BOUT: { serving: 'bottle', formatCl: null },
  BOUTL: { serving: 'bottle', formatCl: null },
  BOUTEILLE: { serving: 'bottle', formatCl: null },
  BOUTEILLES: { serving: 'bottle', formatCl: null },
  BOTTLE: { serving: 'bottle', formatCl: null },
  FILLETTE: { serving: 'half', formatCl: 37.5 },
  DEMIBTL: { serving: 'half', formatCl: 37.5 },
  DEMIBOUTEILLE: { serving: 'half', formatCl: 37.5 },
  MAG: { serving: 'magnum', formatCl: 150 },
  MAGN: { serving: 'magnum', formatCl: 150 },
  MAGNUM: { serving: 'magnum', formatCl: 150 },
  MGNM: { serving: 'magnum', formatCl: 150 },
  JEROBOAM: { serving: 'bottle', formatCl: 300 },
  VERRE: { serving: 'glass', formatCl: null },
  VERRES: { serving: 'glass', formatCl: null },
  VRE: { serving: 'glass', formatCl: null },
  VR: { serving: 'glass', formatCl: null },
  VER: { serving: 'glass', formatCl: null },
  VRRE: { serving: 'glass', formatCl: null },
  GLASS: { serving: 'glass', formatCl: null },
  COUPE: { serving: 'glass', formatCl: null },
  CP: { serving: 'glass', formatCl: null },
  CPE: { serving: 'glass', formatCl: null },
  FLUTE: { serving: 'glass', formatCl: null },
  FLT: { serving: 'glass', formatCl: null },
  DOSE: { serving: 'glass', formatCl: null },
  SHOT: { serving: 'glass', formatCl: null },
  BOLEE: { serving: 'glass', formatCl: null },
  BOL: { serving: 'glass', formatCl: null },
  PRESSION: { serving: 'glass', formatCl: null, draught: true },
  PRESS: { serving: 'glass', formatCl: null, draught: true },
  PINTE: { serving: 'glass', formatCl: 50, draught: true },
  GALOPIN: { serving: 'glass', formatCl: null, draught: true },
  PICHET: { serving: 'carafe', formatCl: null },
  PICH: { serving: 'carafe', formatCl: null },
  PCH: { serving: 'carafe', formatCl: null },
  CARAFE: { serving: 'carafe', formatCl: null },
  CARAF: { serving: 'carafe', formatCl: null },
  CRF: { serving: 'carafe', formatCl: null },
  POT: { serving: 'carafe', formatCl: 46 },
  CANETTE: { serving: 'can', formatCl: null },
  CANNETTE: { serving: 'can', formatCl: null },
  CANET: { serving: 'can', formatCl: null },
  CAN: { serving: 'can', formatCl: null },
  BIB: { serving: 'bib', formatCl: null },
  CUBI: { serving: 'bib', formatCl: null },
};

/** Words after which a two-digit number is a size, a price or a count, never a vintage. */
export const SIZE_CONTEXT = new Set(
  'PICHET PICH PCH CARAFE CARAF CRF POT MENU FORMULE PRESSION PRESS PINTE DOSE SHOT X N NO NR BIN LOT TABLE CUVEE CUV NUMERO'.split(
    ' ',
  ),
);

/** Units of an age written after its number ("10 YEAR", "12 ANS"): that number is no vintage. */
export const AGE_WORDS = new Set([
  'YEAR',
  'YEARS',
  'YR',
  'YRS',
  'YO',
  'Y',
  'ANS',
  'AN',
  'ANNI',
  'ANOS',
  'OLD',
]);

/** Words after which a four-digit number is part of a name ("NO 1855", "BIN 2019"). */
export const NAME_NUMBER_CONTEXT = new Set(['NO', 'NR', 'NUMERO', 'BIN', 'LOT', 'NUM']);

/** Serving words also read at the end of a label ("... MAGNUM"); others only lead ("DOSE" ends "NON DOSE"). */
export const SUFFIX_SERVING = new Set(
  'MAG MAGN MAGNUM MGNM JEROBOAM FILLETTE BTL BTLE BLLE BLE BT BOUT BOUTEILLE 1/2 DEMI CANETTE BIB PICHET CARAFE VERRE VRE COUPE FLUTE'.split(
    ' ',
  ),
);

/** Glass pours written without a unit after a glass word ("VERRE 12"); bigger numbers there are vintages. */
export const MAX_BARE_GLASS_CL = 12;

/** Draught/beer context words that make DEMI a 25 cl glass rather than a half bottle. */
export const DRAUGHT_CONTEXT = new Set([
  'PRESSION',
  'PRESS',
  'BLONDE',
  'BRUNE',
  'BIERE',
  'PANACHE',
  'BLANCHE',
  'AMBREE',
  'IPA',
  'LAGER',
  'PILS',
]);

/** Words announcing the vintage that follows ("MILLESIME 2015", "MILL.15"). */
export const VINTAGE_MARKERS = new Set([
  'MILLESIME',
  'MILLESIMEE',
  'MILL',
  'MIL',
  'MILLESIMES',
  'MILLES',
  'MLS',
]);
