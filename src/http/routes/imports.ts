import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importOverview, requestImports } from '../../services/imports/requestImports.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { importRequestBody } from './imports.schema.ts';

const tags = ['imports caisse'];

export const importRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const path = '/api/establishments/:establishmentId/imports';

    app.get(path, { schema: { tags, params: establishmentParams } }, async (request) => {
      const account = requireAccount(request);
      return importOverview(ctx.db, ctx.imports, account.id, request.params.establishmentId, ctx.clock);
    });

    app.post(
      path,
      { schema: { tags, params: establishmentParams, body: importRequestBody } },
      async (request, reply) => {
        const account = requireAccount(request);
        const result = await requestImports(
          ctx.db,
          ctx.imports,
          account.id,
          request.params.establishmentId,
          request.body,
          ctx.clock,
        );
        return reply.status(202).send(result);
      },
    );
  };
