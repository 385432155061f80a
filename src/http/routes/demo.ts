import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { createDemoTask } from '../../services/tasks/tasks.ts';
import type { AppContext } from '../context.ts';
import { requireAccount } from '../session.ts';
import { taskAccepted } from './tasks.schema.ts';

export const demoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/demo',
      { schema: { tags: ['démo'], response: { 202: taskAccepted } } },
      async (request, reply) => {
        const account = requireAccount(request);
        // The demo is built by the create-demo job (one transaction); follow it at /api/tasks/:taskId.
        const taskId = await inTransaction(ctx.db, (trx) => createDemoTask(trx, account.id));
        await ctx.imports.enqueueTask('create-demo', taskId);
        return reply.status(202).send({ taskId });
      },
    );
  };
