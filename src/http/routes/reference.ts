import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchAppellations } from '../../services/reference/searchAppellations.ts';
import type { AppContext } from '../context.ts';
import { requireAccount } from '../session.ts';

export const referenceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/appellations',
      {
        schema: {
          tags: ['référentiel'],
          querystring: z.object({
            q: z.string().max(100).default(''),
            limit: z.coerce.number().int().min(1).max(50).default(15),
          }),
        },
      },
      async (request) => {
        requireAccount(request);
        return { items: await searchAppellations(ctx.db, request.query.q, request.query.limit) };
      },
    );
  };
