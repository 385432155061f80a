// French drinks vocabulary the library cannot teach: short forms, filler words, type words.

/** Words that carry no identity on a till label. */
export const STOPWORDS = new Set(
  'de du des la le les l d et the of di del della dei delle y e a au aux en von van der da do dos das und and sur lez par'.split(
    ' ',
  ),
);

/** Words that never distinguish one identity from another (missing ones cost half). */
export const NEUTRAL = new Set([
  'chateau',
  'domaine',
  'maison',
  'cuvee',
  'vin',
  'wine',
  'the',
  'aoc',
  'aop',
  'igp',
  'vdf',
]);

/** Style and grading words: on a label they help, missing from it they are a weak signal. */
export const GENERIC_STYLE = new Set(
  `brut nature extra demi sec doux moelleux reserve reserva riserva crianza gran grande grand cuvee vieilles vignes
  tradition traditionnelle prestige classique classic selection special speciale millesime millesimato vintage blanc
  blancs noir noirs rouge rose tinto blanco bianco rosso rosato superiore superieur classico organic bio year years old
  single malt dry medium sweet late bottled cask premier cru village villages cotes cote coteaux vin vino wine chateau
  domaine clos maison estate igp aop doc docg aoc sans alcool alcohol free zero red white lager ipa pale ale beer biere
  blonde brune ambree`.split(/\s+/),
);

export const COLOUR_WORDS = new Set([
  'rouge',
  'blanc',
  'rose',
  'red',
  'white',
  'blanco',
  'bianco',
  'rosso',
  'tinto',
  'rosado',
  'rosato',
]);

/**
 * Short forms a till operator types, each with the canonical word sequences it may stand for.
 * Prefixes (CHARDO, GEWURZ) and consonant skeletons (BGNE, CTES) are found generically; initials of
 * multi-word appellations and frequent phrases are learnt from the library.
 */
export const ALIASES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  st: [['saint']],
  ste: [['sainte']],
  sts: [['saints']],
  ch: [['chateau']],
  cht: [['chateau']],
  chat: [['chateau']],
  chx: [['chateau']],
  dom: [['domaine']],
  dne: [['domaine']],
  dmn: [['domaine']],
  dme: [['domaine']],
  '1er': [['premier', 'cru'], ['premier']],
  '1ere': [['premiere']],
  '1ercru': [['premier', 'cru']],
  '1erscrus': [['premiers', 'crus']],
  gc: [['grand', 'cru']],
  gd: [['grand']],
  grd: [['grand']],
  gde: [['grande']],
  gdes: [['grandes']],
  vv: [['vieilles', 'vignes']],
  vvv: [['vieilles', 'vignes']],
  cdr: [['cotes', 'rhone']],
  cdrv: [['cotes', 'rhone', 'villages']],
  cdp: [['chateauneuf', 'pape']],
  chnp: [['chateauneuf', 'pape']],
  bdb: [['blanc', 'blancs']],
  bdn: [['blanc', 'noirs']],
  rge: [['rouge']],
  rg: [['rouge']],
  blc: [['blanc']],
  bl: [['blanc']],
  bco: [['blanco'], ['bianco']],
  rse: [['rose']],
  rs: [['rose']],
  cx: [['coteaux']],
  ctx: [['coteaux']],
  ctes: [['cotes']],
  cte: [['cote'], ['cotes']],
  champ: [['champagne']],
  chpg: [['champagne']],
  crem: [['cremant']],
  bgne: [['bourgogne']],
  bourg: [['bourgogne']],
  bdx: [['bordeaux']],
  bx: [['bordeaux']],
  sup: [['superieur'], ['superiore'], ['superior']],
  vill: [['villages'], ['village']],
  vlg: [['villages']],
  e2m: [['entre', 'deux', 'mers']],
  mav: [['moulin', 'vent']],
  yo: [
    ['year', 'old'],
    ['years', 'old'],
  ],
  ans: [['year', 'old'], ['years', 'old'], ['ans']],
  an: [
    ['year', 'old'],
    ['years', 'old'],
  ],
  vs: [['very', 'special'], ['vs']],
  vsop: [['very', 'superior', 'old', 'pale'], ['vsop']],
  sm: [['single', 'malt']],
  res: [['reserve'], ['reserva'], ['riserva']],
  rsv: [['reserve']],
  xtra: [['extra']],
  cuv: [['cuvee']],
  spec: [['special'], ['speciale']],
  sauv: [['sauvignon']],
  cab: [['cabernet']],
  pn: [['pinot', 'noir']],
  chard: [['chardonnay']],
  '2': [['deux'], ['2']],
  '3': [['trois'], ['3']],
  n: [['no']],
  nr: [['no']],
  mill: [['millesime']],
  vdf: [['vin', 'france']],
  vdp: [['vin', 'pays']],
  igp: [['igp']],
};

/** Two typed words that together stand for one canonical word. */
export const BIGRAM_ALIASES: Readonly<Record<string, string>> = {
  'ch neuf': 'chateauneuf',
  'chat neuf': 'chateauneuf',
  'p noir': 'pinot noir',
  'pinot n': 'pinot noir',
  'pinot b': 'pinot blanc',
  'pinot g': 'pinot gris',
  'sauv b': 'sauvignon blanc',
  'sauv bl': 'sauvignon blanc',
  'sauv blc': 'sauvignon blanc',
  'cab sauv': 'cabernet sauvignon',
  'cab f': 'cabernet franc',
};

/** Words a label may add to name the kind of drink; explained by the entry's type or subtype. */
export const TYPE_WORDS: Readonly<Record<string, readonly string[]>> = {
  champagne: ['champagne', 'champ'],
  sparkling: ['cremant', 'mousseux', 'petillant', 'prosecco', 'cava', 'spumante', 'sekt', 'effervescent'],
  beer: [
    'biere',
    'beer',
    'bier',
    'birra',
    'cerveza',
    'pression',
    'blonde',
    'brune',
    'ambree',
    'blanche',
    'ipa',
    'lager',
  ],
  cider: ['cidre', 'cider', 'poire', 'poire', 'sidra'],
  spirit: [
    'whisky',
    'whiskey',
    'rhum',
    'rum',
    'gin',
    'vodka',
    'cognac',
    'armagnac',
    'calvados',
    'calva',
    'tequila',
    'mezcal',
    'liqueur',
    'eau',
    'vie',
    'digestif',
    'pastis',
    'anise',
  ],
  fortified: ['porto', 'port', 'xeres', 'sherry', 'madere', 'madeira', 'vermouth', 'muscat', 'pineau', 'vdn'],
  soft: ['soda', 'jus', 'sirop', 'limonade', 'tonic', 'eau'],
  other: [],
  wine: ['vin', 'vins', 'wine'],
};

/** Food, service and hot-drink words: they never stand for a drink through a fuzzy match. */
export const NOT_DRINK_WORDS = new Set(
  `entrecote frites bavette tartare onglet magret confit blanquette boeuf bourguignon poulet roti croque monsieur madame
  burger cheeseburger fish chips pave saumon cabillaud filet bar moules marinieres plateau huitres escargots soupe oignon
  veloute oeuf mayo cocotte terrine foie gras salade cesar nicoise chevre assiette charcut charcuterie planche fromage
  fromages plat jour entree suggestion chef andouillette tripes cassoulet choucroute risotto champignons pates carbo
  lasagnes pizza margherita reine quiche lorraine supp suppl garniture puree haricots gratin dauphinois pain corbeille
  beurre menu formule degustation groupe creme brulee mousse choco tarte tatin citron flottante profiteroles fondant
  gourmand glace boules sorbet chantilly crepe sucre nutella gaufre profiterole brest baba savarin croissant tartine dej
  brunch enfant enf nuggets cafe expresso express deca decafeine cappuccino chocolat chaud viennois infusion tisane
  verveine latte irish coffee plate gazeuse minerale petillante presse pressee couvert service privatisation acompte
  arrhes cadeau bon carte droit bouchon divers remise offert annulation ticket resto gateau anniv bougie emporter
  emballage livraison frais pourboire vestiaire parking cigares tabac journal dessert desserts coq canard veau agneau porc poisson legumes`.split(
    /\s+/,
  ),
);

/** Café, bar and mixed-drink words: on their own they name no cellar item (coffee, water, syrups, cocktails). */
export const GENERIC_DRINK_WORDS = new Set(
  `eau eaux plate gazeuse gaz minerale petillante jus sirop sirops limonade soda menthe grenadine diabolo citron orange
  pomme tomate abricot presse pressee kir picon panache monaco galopin demi pinte pression cocktail cocktails mojito
  caipirinha spritz sangria punch apero aperitif americano margarita cosmopolitan colada cafe the infusion tisane
  chocolat cappuccino latte irish chaud maison`.split(/\s+/),
);

/** Spirit and fortified-wine kinds: a label naming one must match the entry's own kind. */
export const SUBTYPE_WORDS = new Set(
  `whisky whiskey rhum rum gin vodka cognac armagnac calvados calva tequila mezcal liqueur pastis porto port xeres
  sherry madere madeira vermouth muscat pineau`.split(/\s+/),
);

/** Till family names that file food, hot drinks or services (singular forms; plurals are folded). */
export const NOT_DRINK_FAMILY_WORDS = new Set(
  `entree plat dessert cuisine cafeterie cafe chaude chaud snack snacking menu formule fromage patisserie viennoiserie
  glace sandwich salade pizza burger viande poisson accompagnement garniture supplement enfant brunch dejeuner tapas
  planche charcuterie entremet restauration nourriture repas traiteur boulangerie epicerie`.split(/\s+/),
);

/** Words a dish and a drink share ("terrine maison", "tarte orange", "thé"): on their own, no sign of a drink. */
export const DISH_QUALIFIERS = new Set(
  `maison the orange pomme tomate abricot menthe citron chaud`.split(/\s+/),
);
