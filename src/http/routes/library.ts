import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { importSupplierCatalogue } from '../../services/library/importSupplierCatalogue.ts';
import { matchForEstablishment, searchLibraryEntries } from '../../services/library/libraryQueries.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { presentLibraryEntry, presentMatchAnswer } from '../presenters/library.ts';
import {
  catalogueImportBody,
  catalogueReportDto,
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
          response: { 200: catalogueReportDto },
        },
      },
      async (request) => {
        const account = requireAccount(request);
        const { csv, fileBase64, ...rest } = request.body;
        const input = {
          ...rest,
          csv: fileBase64 !== undefined ? Buffer.from(fileBase64, 'base64') : (csv ?? ''),
        };
        return inTransaction(ctx.db, (trx) =>
          importSupplierCatalogue(
            trx,
            account.id,
            request.params.establishmentId,
            input,
            ctx.clock.now().getFullYear(),
          ),
        );
      },
    );
  };
