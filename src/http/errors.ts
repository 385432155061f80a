import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldIssue } from '../domain/errors.ts';
import { WorkAbandoned } from '../db/cancellable.ts';

/** The one code → HTTP status map. */
const HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_text: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  rate_limited: 429,
  till_auth_refused: 502,
  till_unknown_site: 502,
  till_unreachable: 502,
  till_unexpected_response: 502,
  internal: 500,
};

type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldIssue[] } };

export function errorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    const issues = error.validation as unknown as readonly { instancePath: string; message?: string }[];
    const fields = issues.map((v) => ({
      field: [context, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'Valeur invalide',
    }));
    void send(
      reply,
      new AppError('validation_failed', fields[0]?.message ?? 'Données invalides', { fields }),
    );
    return;
  }
  if (error instanceof AppError) {
    void send(reply, error);
    return;
  }
  if (error instanceof WorkAbandoned) {
    // The client went away and its work was stopped: nobody reads this answer, and nothing went wrong.
    request.log.info('client went away: its database work was stopped');
    void reply.status(499).send({ error: { code: 'internal', message: error.message } } satisfies ErrorBody);
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    // Fastify's own rejections: malformed JSON, body too large, wrong content type.
    const message = status === 413 ? 'Requête trop volumineuse' : 'Requête invalide';
    void reply.status(status).send({ error: { code: 'validation_failed', message } } satisfies ErrorBody);
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  void send(reply, new AppError('internal', 'Erreur interne, réessayez plus tard'));
}

function send(reply: FastifyReply, error: AppError) {
  if (error.retryAfterSeconds !== undefined)
    void reply.header('retry-after', String(error.retryAfterSeconds));
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
  };
  return reply.status(HTTP_STATUS[error.code]).send(body);
}
