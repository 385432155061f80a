import type { z } from 'zod';
import type { Proposal } from '../../services/sync/proposal.ts';
import type { proposalDto } from '../routes/sync.schema.ts';
import { presentLibraryEntry, presentMatchAnswer } from './library.ts';

/** The Oui / Presque / Non proposal, its library entries without their owner. */
export function presentProposal(p: Proposal): z.input<typeof proposalDto> {
  return {
    ...p,
    answer: presentMatchAnswer(p.answer),
    best: p.best && { ...p.best, entry: presentLibraryEntry(p.best.entry) },
  };
}
