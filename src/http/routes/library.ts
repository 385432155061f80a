import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { createCatalogueTask } from '../../services/tasks/tasks.ts';
import { taskAccepted } from './tasks.schema.ts';
import { matchForEstablishment, searchLibraryEntries } from '../../services/library/libraryQueries.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { presentLibraryEntry, presentMatchAnswer } from '../presenters/library.ts';
import {
  catalogueImportBody,
  librarySearchQuery,
  librarySearchResponse,
  matchAnswerDto,
  matchBody,
} from './library.schema.ts';

const tags = ['bibliothèque'];

export const libraryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/api/establishments/:establishmentId';

    app.get(
      `${base}/library/search`,
      {
        schema: {
          tags,
          params: establishmentParams,
          querystring: librarySearchQuery,
          response: { 200: librarySearchResponse },
        },
      },
      async (request) => {
        const account = requireAccount(request);
        const { q, limit } = request.query;
        const items = await searchLibraryEntries(
          ctx.db,
          account.id,
          request.params.establishmentId,
          q,
          limit,
        );
        return { items: items.map(presentLibraryEntry) };
      },
    );

    app.post(
      `${base}/match`,
      { schema: { tags, params: establishmentParams, body: matchBody, response: { 200: matchAnswerDto } } },
      async (request) => {
        const account = requireAccount(request);
        return presentMatchAnswer(
          await matchForEstablishment(
            ctx.db,
            account.id,
            request.params.establishmentId,
            request.body.label,
            ctx.clock,
            request.body.tillId,
          ),
        );
      },
    );

    app.post(
      `${base}/library/import`,
      {
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          params: establishmentParams,
          body: catalogueImportBody,
          response: { 202: taskAccepted },
        },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const { csv, fileBase64, ...rest } = request.body;
        const file = fileBase64 !== undefined ? Buffer.from(fileBase64, 'base64') : Buffer.from(csv ?? '');
        // Read, checked and written by the supplier-catalogue job; follow it at /api/tasks/:taskId.
        const taskId = await inTransaction(ctx.db, (trx) =>
          createCatalogueTask(trx, account.id, request.params.establishmentId, { ...rest, file }, ctx.clock),
        );
        await ctx.imports.enqueueTask('supplier-catalogue', taskId);
        return reply.status(202).send({ taskId });
      },
    );
  };
