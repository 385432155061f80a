// Public types of the matching engine (pure: no I/O).
import type { Knowledge } from './knowledge.ts';

export type EntryType =
  'wine' | 'sparkling' | 'champagne' | 'fortified' | 'spirit' | 'beer' | 'cider' | 'soft' | 'other';
export type Colour = 'rouge' | 'blanc' | 'rosé';

export type LibraryEntry = {
  id: string;
  type: EntryType;
  colour: Colour | null;
  producer: string | null;
  cuvee: string | null;
  appellation: string | null;
  region: string | null;
  country: string | null;
  vintages: number[];
  formatsCl: number[];
  name: string;
  subtype?: string | null;
};

export type Serving = 'bottle' | 'half' | 'magnum' | 'glass' | 'carafe' | 'can' | 'bib';

export type MatchCandidate = { id: string; score: number; why: string[] };

export type Decision = 'oui' | 'presque' | 'non';

export type MatchAnswer = {
  serving: Serving | null;
  formatCl: number | null;
  vintage: number | null;
  colour: Colour | null;
  identityText: string;
  candidates: MatchCandidate[];
  decision: Decision;
};

export type MatchOptions = {
  limit?: number;
  now?: Date;
  /** what the establishment learnt (lessons, its till's catalogue, other establishments); none by default */
  knowledge?: Knowledge;
};

/** One identity word of a label, with what the parser knows about it. */
export type LabelToken = {
  text: string; // normalised word as typed
  colour: Colour | null; // set when the word is a colour word (may still belong to a name)
  number: boolean; // digits only: may be part of a name ("1664", "No 5")
  last: boolean; // last identity word: may be cut short by the till
};

export type ParsedLabel = {
  raw: string; // label as received (capped)
  normalised: string;
  serving: Serving | null;
  servingWord: string | null; // the till word the serving was read from (null when implied by a size)
  formatCl: number | null;
  vintage: number | null;
  nonVintage: boolean; // NV / SM / sans millésime
  vintageToken: string | null; // the word read as a vintage (a name number may be misread as one)
  colour: Colour | null;
  effervescent: string[]; // brut, extra brut, blanc de blancs... (hints; the words stay in the identity)
  identityText: string; // what is left once serving, format and vintage are taken out
  tokens: LabelToken[];
};
