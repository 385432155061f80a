import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { createDemoEstablishment } from '../../services/demo/createDemo.ts';
import type { AppContext } from '../context.ts';
import { requireAccount } from '../session.ts';
import { demoResponse } from './demo.schema.ts';

export const demoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/demo',
      { schema: { tags: ['démo'], response: { 201: demoResponse } } },
      async (request, reply) => {
        const account = requireAccount(request);
        // One transaction for the whole establishment; the background nights are queued once it has committed.
        const { establishment, queuedDays, nights } = await inTransaction(ctx.db, (trx) =>
          createDemoEstablishment(trx, ctx.tills, account.id, ctx.clock),
        );
        await ctx.imports.enqueue(nights);
        return reply.status(201).send({ establishment, queuedDays });
      },
    );
  };
