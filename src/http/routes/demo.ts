import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createDemoEstablishment } from '../../services/demo/createDemo.ts';
import type { AppContext } from '../context.ts';
import { requireAccount } from '../session.ts';

export const demoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/api/demo', { schema: { tags: ['démo'] } }, async (request, reply) => {
      const account = requireAccount(request);
      const result = await createDemoEstablishment(ctx.db, ctx.tills, ctx.imports, account.id, ctx.clock);
      return reply.status(201).send(result);
    });
  };
