import { invalidField, type AppError } from '../../domain/errors.ts';

export const slugConflict = (): AppError =>
  invalidField('slug', 'Cette adresse est déjà prise par une autre carte');

/** A unique-index race on the slug (two lists named at once) is the same answer as a taken slug. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
