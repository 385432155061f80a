import type { z } from 'zod';
import type { LibraryEntryRecord } from '../../db/repositories/library.ts';
import type { ExplainedAnswer } from '../../services/library/matcher.ts';
import type { libraryEntryDto, matchAnswerDto } from '../routes/library.schema.ts';

/** Whose private entry it is stays on the server: the establishment is in the URL. */
export function presentLibraryEntry(e: LibraryEntryRecord): z.input<typeof libraryEntryDto> {
  const { establishmentId: _e, ...rest } = e;
  return rest;
}

export function presentMatchAnswer(a: ExplainedAnswer): z.input<typeof matchAnswerDto> {
  return {
    ...a,
    entries: Object.fromEntries(Object.entries(a.entries).map(([id, e]) => [id, presentLibraryEntry(e)])),
  };
}
