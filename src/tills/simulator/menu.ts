/** The non-wine part of a French restaurant's till: what makes the catalogue and tickets realistic. */
export type Category =
  | 'wine_btl'
  | 'wine_glass'
  | 'house'
  | 'champagne'
  | 'beer'
  | 'soft'
  | 'water'
  | 'coffee'
  | 'aperitif'
  | 'digestif'
  | 'starter'
  | 'main'
  | 'dessert'
  | 'extra';

export type Family = { code: string; label: string };
export const FAMILIES = {
  rouge: { code: 'VR', label: 'VINS ROUGES' },
  blanc: { code: 'VB', label: 'VINS BLANCS' },
  rose: { code: 'VRO', label: 'VINS ROSES' },
  champagne: { code: 'CH', label: 'CHAMPAGNES' },
  bulles: { code: 'BU', label: 'BULLES' },
  verre: { code: 'VV', label: 'VINS AU VERRE' },
  pichet: { code: 'PI', label: 'PICHETS' },
  biere: { code: 'BI', label: 'BIERES' },
  soft: { code: 'SO', label: 'SOFTS' },
  cafe: { code: 'CA', label: 'CAFETERIE' },
  aperitif: { code: 'AP', label: 'APERITIFS' },
  digestif: { code: 'DI', label: 'DIGESTIFS' },
  entree: { code: 'EN', label: 'ENTREES' },
  plat: { code: 'PL', label: 'PLATS' },
  dessert: { code: 'DE', label: 'DESSERTS' },
  divers: { code: 'DV', label: 'DIVERS' },
} as const satisfies Record<string, Family>;

type MenuItem = { label: string; euros: number; category: Category; family: Family; vat: number };

const item = (label: string, euros: number, category: Category, family: Family, vat = 10): MenuItem => ({
  label,
  euros,
  category,
  family,
  vat,
});
const F = FAMILIES;

// VAT: 20 % on alcohol, 10 % on food and soft drinks served on the premises.
export const MENU: readonly MenuItem[] = [
  item('PRESSION 25', 4, 'beer', F.biere, 20),
  item('PRESSION 50', 7.5, 'beer', F.biere, 20),
  item('BTL 1664 BLANC', 5.5, 'beer', F.biere, 20),
  item('BTL LEFFE BLONDE', 6, 'beer', F.biere, 20),
  item('IPA ARTISANALE 33', 7, 'beer', F.biere, 20),
  item('PANACHE', 4, 'beer', F.biere, 20),
  item('COCA 33', 4.5, 'soft', F.soft),
  item('COCA ZERO 33', 4.5, 'soft', F.soft),
  item('ORANGINA', 4.5, 'soft', F.soft),
  item('JUS ORANGE PRESSE', 6, 'soft', F.soft),
  item('JUS POMME BIO', 4.5, 'soft', F.soft),
  item('LIMONADE ARTISANALE', 5, 'soft', F.soft),
  item('SIROP A L EAU', 3, 'soft', F.soft),
  item('1/2 EAU PLATE', 4, 'water', F.soft),
  item('1/2 EAU GAZ', 4, 'water', F.soft),
  item('EVIAN 1L', 6.5, 'water', F.soft),
  item('BADOIT 1L', 6.5, 'water', F.soft),
  item('CAFE', 2.2, 'coffee', F.cafe),
  item('DECA', 2.2, 'coffee', F.cafe),
  item('DOUBLE EXPRESSO', 4, 'coffee', F.cafe),
  item('CAFE CREME', 4, 'coffee', F.cafe),
  item('THE', 4, 'coffee', F.cafe),
  item('INFUSION', 4, 'coffee', F.cafe),
  item('KIR', 5, 'aperitif', F.aperitif, 20),
  item('KIR ROYAL', 11, 'aperitif', F.aperitif, 20),
  item('PASTIS 51', 4.5, 'aperitif', F.aperitif, 20),
  item('SPRITZ APEROL', 9, 'aperitif', F.aperitif, 20),
  item('AMERICANO MAISON', 10, 'aperitif', F.aperitif, 20),
  item('COGNAC VSOP', 10, 'digestif', F.digestif, 20),
  item('ARMAGNAC 10 ANS', 9, 'digestif', F.digestif, 20),
  item('CALVA PAYS D AUGE', 8, 'digestif', F.digestif, 20),
  item('GET 27', 7, 'digestif', F.digestif, 20),
  item('OEUF MAYO', 6.5, 'starter', F.entree),
  item('TERRINE MAISON', 9, 'starter', F.entree),
  item('SALADE CHEVRE CHAUD', 11, 'starter', F.entree),
  item('SOUPE A L OIGNON', 9, 'starter', F.entree),
  item('6 ESCARGOTS', 12, 'starter', F.entree),
  item('FOIE GRAS MAISON', 18, 'starter', F.entree),
  item('POIREAUX VINAIGRETTE', 8, 'starter', F.entree),
  item('ENTRECOTE 300G', 29, 'main', F.plat),
  item('TARTARE BOEUF', 19, 'main', F.plat),
  item('CONFIT CANARD', 21, 'main', F.plat),
  item('BAVETTE ECHALOTE', 20, 'main', F.plat),
  item('POISSON DU JOUR', 23, 'main', F.plat),
  item('PLAT DU JOUR', 16, 'main', F.plat),
  item('BURGER MAISON', 18, 'main', F.plat),
  item('RISOTTO CHAMPIGNONS', 17, 'main', F.plat),
  item('ANDOUILLETTE AAAAA', 19, 'main', F.plat),
  item('CAFE GOURMAND', 9.5, 'dessert', F.dessert),
  item('MOUSSE CHOCOLAT', 8, 'dessert', F.dessert),
  item('CREME BRULEE', 8, 'dessert', F.dessert),
  item('TARTE TATIN', 9, 'dessert', F.dessert),
  item('ILE FLOTTANTE', 8, 'dessert', F.dessert),
  item('PROFITEROLES', 10, 'dessert', F.dessert),
  item('ASSIETTE FROMAGES', 11, 'dessert', F.dessert),
  item('SUPPL FRITES', 4, 'extra', F.divers),
  item('PAIN SUPPL', 1.5, 'extra', F.divers),
  item('DIVERS CUISINE', 5, 'extra', F.divers),
];

/** House wines: appellation ids from the INAO list, shown as "VRE CDR RGE", "PICHET BORDEAUX 50". */
export const HOUSE_APPELLATIONS = [
  'cotes-du-rhone',
  'bordeaux',
  'cotes-de-provence',
  'beaujolais',
  'bourgogne',
  'muscadet',
  'pays-d-oc',
  'cotes-de-gascogne',
  'languedoc',
  'saumur',
  'macon',
  'chinon',
] as const;
