import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importOverview, requestImports } from '../../services/imports/requestImports.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { presentTillState } from '../presenters/tills.ts';
import { importOverviewResponse, importRequestBody, importRequestResponse } from './imports.schema.ts';

const tags = ['imports caisse'];

export const importRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const path = '/api/establishments/:establishmentId/imports';

    app.get(
      path,
      { schema: { tags, params: establishmentParams, response: { 200: importOverviewResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const overview = await importOverview(
          ctx.db,
          ctx.imports,
          account.id,
          request.params.establishmentId,
          ctx.clock,
        );
        return { ...overview, tills: overview.tills.map(presentTillState) };
      },
    );

    app.post(
      path,
      {
        schema: {
          tags,
          params: establishmentParams,
          body: importRequestBody,
          response: { 202: importRequestResponse },
        },
      },
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
