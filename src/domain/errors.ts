/** Every failure the product knows how to explain. The HTTP status and the French message hang off the code. */
export type ErrorCode =
  | 'validation_failed'
  | 'invalid_text'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'email_taken'
  | 'rate_limited'
  | 'till_auth_refused'
  | 'till_unknown_site'
  | 'till_unreachable'
  | 'till_unexpected_response'
  | 'internal';

export type FieldIssue = { field: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    extra?: { fields?: FieldIssue[]; retryAfterSeconds?: number },
  ) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.fields = extra?.fields;
    this.retryAfterSeconds = extra?.retryAfterSeconds;
  }
}

export const notFound = (what = 'ressource'): AppError => new AppError('not_found', `${what} introuvable`);
export const forbidden = (): AppError => new AppError('forbidden', 'Action réservée à un autre rôle');
export const invalidField = (field: string, message: string): AppError =>
  new AppError('validation_failed', message, { fields: [{ field, message }] });
