import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchAppellations } from '../../services/reference/searchAppellations.ts';
import type { AppContext } from '../context.ts';
import { requireAccount } from '../session.ts';
import { appellationList, appellationsQuery } from './reference.schema.ts';

export const referenceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/appellations',
      {
        schema: {
          tags: ['référentiel'],
          querystring: appellationsQuery,
          response: { 200: appellationList },
        },
      },
      async (request) => {
        requireAccount(request);
        return { items: await searchAppellations(ctx.db, request.query.q, request.query.limit) };
      },
    );
  };
