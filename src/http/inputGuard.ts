import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.ts';
import { findBadText } from '../domain/inputBounds.ts';

/**
 * Refuses a NUL byte or a lone surrogate anywhere in the path parameters, the query or a JSON body, before
 * any schema runs: PostgreSQL would fail on them with a 500 (issue 10, 7). Raw uploads (Buffers) are files.
 */
export async function rejectBadText(request: FastifyRequest): Promise<void> {
  for (const [part, value] of [
    ['params', request.params],
    ['query', request.query],
    ['body', request.body],
  ] as const) {
    const field = findBadText(value, part);
    if (field !== undefined) {
      const message = 'Texte invalide : caractère nul ou mal encodé';
      throw new AppError('invalid_text', message, { fields: [{ field, message }] });
    }
  }
}
