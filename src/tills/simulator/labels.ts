/**
 * Renders names the way French tills show them: upper case, no accents, abbreviations, a serving
 * prefix, truncated to the till's button width, the vintage on two digits at the end.
 */
const LABEL_WIDTH = 24;

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bCHATEAUNEUF DU PAPE\b/g, 'CDP'],
  [/\bCOTES DU RHONE VILLAGES\b/g, 'CDR VILLAGES'],
  [/\bCOTES DU RHONE\b/g, 'CDR'],
  [/\bCOTES DE PROVENCE\b/g, 'CTES PROVENCE'],
  [/\bCOTES DE\b/g, 'CTES'],
  [/\bCHATEAU\b/g, 'CH'],
  [/\bDOMAINE\b/g, 'DOM'],
  [/\bSAINTE\b/g, 'STE'],
  [/\bSAINT\b/g, 'ST'],
  [/\bPREMIER CRU\b/g, '1ER CRU'],
  [/\bGRAND CRU\b/g, 'GC'],
  [/\bBLANC DE BLANCS\b/g, 'BDB'],
  [/\bVIEILLES VIGNES\b/g, 'VV'],
  [/\bPAYS D OC\b/g, 'IGP OC'],
  [/\bROUGE\b/g, 'RGE'],
  [/\bBLANC\b/g, 'BLC'],
  [/\bCHAMPAGNE\b/g, ''],
];
const STOPWORDS = new Set(['DE', 'DU', 'DES', 'LA', 'LE', 'LES', 'D', 'L', 'ET', 'EN', 'AU', 'AUX']);
// Words that mean nothing alone at the end of a cut label ("CH MONTROSE ST").
const DANGLING = new Set([...STOPWORDS, 'ST', 'STE', 'CH', 'DOM', 'CLOS', '1ER', 'GC', 'CTES', 'CDR']);
// Till operators key a négociant by surname: "Louis Jadot" → "JADOT".
const GIVEN_NAMES = new Set(
  'LOUIS ALBERT WILLIAM GEORGES MICHEL JEAN PIERRE PAUL JOSEPH MARCEL ANDRE HENRI FRANCOIS ETIENNE JACQUES BERNARD ALAIN PHILIPPE MARC'.split(
    ' ',
  ),
);

/** Upper case, accents and punctuation removed: what a till keyboard produces. */
function tillText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9/ ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function abbreviate(text: string): string {
  let out = tillText(text);
  for (const [pattern, replacement] of ABBREVIATIONS) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, ' ').trim();
}

/** Fits `prefix body suffix` in the width: drops small words, then trailing words, then cuts. */
export function fitLabel(prefix: string, body: string, suffix = '', width = LABEL_WIDTH): string {
  const join = (words: string[]): string => [prefix, ...words, suffix].filter((w) => w !== '').join(' ');
  let words = body.split(' ').filter((w) => w !== '');
  if (join(words).length <= width) return join(words);
  words = words.filter((w, i) => i === 0 || !STOPWORDS.has(w));
  while (words.length > 2 && join(words).length > width) words = words.slice(0, -1);
  while (words.length > 1 && DANGLING.has(words[words.length - 1] ?? '')) words = words.slice(0, -1);
  const label = join(words);
  if (label.length <= width) return label;
  const tail = suffix === '' ? '' : ` ${suffix}`;
  return `${[prefix, ...words]
    .filter((w) => w !== '')
    .join(' ')
    .slice(0, width - tail.length)
    .trim()}${tail}`;
}

/** Producer, then the words of the cuvée the producer does not already say; classifications dropped. */
export function wineBody(producer: string, name: string): string {
  let p = abbreviate(producer.replace(/\b[A-Z]\.\s*/g, ''));
  const producerWords = p.split(' ');
  if (producerWords.length === 2 && GIVEN_NAMES.has(producerWords[0] ?? '')) p = producerWords[1] ?? p;
  const seen = new Set(p.split(' '));
  const rest = abbreviate(name.replace(/\([^)]*\)/g, ' '))
    .split(' ')
    .filter((w) => w !== '' && !seen.has(w) && !STOPWORDS.has(w));
  return [p, ...rest].join(' ');
}

export const twoDigitVintage = (vintage: string | null): string =>
  vintage === null ? '' : vintage.slice(-2);

export const COLOUR_WORD: Record<string, string> = { rouge: 'RGE', blanc: 'BLC', rosé: 'ROSE' };
