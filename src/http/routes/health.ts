import { z } from 'zod';
import { pingDatabase } from '../../db/database.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['système'],
          response: {
            200: z.object({
              status: z.literal('ok'),
              db: z.enum(['pglite', 'postgres']),
              version: z.string(),
            }),
          },
        },
      },
      async () => {
        await pingDatabase(ctx.db);
        return { status: 'ok' as const, db: ctx.dbKind, version: ctx.version };
      },
    );
  };
