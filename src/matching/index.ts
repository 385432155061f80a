// Public API of the matching engine.
export type {
  Colour,
  Decision,
  EntryType,
  LabelToken,
  LibraryEntry,
  MatchAnswer,
  MatchCandidate,
  MatchOptions,
  ParsedLabel,
  Serving,
} from './types.ts';
export { buildMatchIndex, MatchIndex } from './matchIndex.ts';
export { match } from './match.ts';
export { parseLabel, MAX_LABEL_CHARS } from './parse.ts';
export { normalise } from './normalise.ts';
