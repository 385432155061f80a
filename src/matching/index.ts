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
export type { CatalogueProfile, Knowledge, Lesson, SharedKnowledge, WordMeaning } from './knowledge.ts';
export { LessonBook, NO_KNOWLEDGE } from './knowledge.ts';
export { buildMatchIndex, MatchIndex } from './matchIndex.ts';
export { labelKey, match } from './match.ts';
export { learnCatalogue } from './catalogue.ts';
export { learnLesson, type Answer } from './lessons.ts';
export { sharedKnowledge, MIN_ESTABLISHMENTS, type EstablishmentLesson } from './shared.ts';
export { parseLabel, MAX_LABEL_CHARS } from './parse.ts';
export { normalise } from './normalise.ts';
export { isNotDrinkFamily, notDrinkReason, type NotDrinkReason } from './notDrink.ts';
