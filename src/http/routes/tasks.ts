import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readTask } from '../../services/tasks/tasks.ts';
import type { AppContext } from '../context.ts';
import { presentTask } from '../presenters/tasks.ts';
import { requireAccount } from '../session.ts';
import { taskParams, taskResponse } from './tasks.schema.ts';

export const taskRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/tasks/:taskId',
      { schema: { tags: ['tâches'], params: taskParams, response: { 200: taskResponse } } },
      async (request) => {
        const account = requireAccount(request);
        return presentTask(await readTask(ctx.db, account.id, request.params.taskId));
      },
    );
  };
