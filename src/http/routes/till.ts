import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  getTillConnection,
  saveTillConnection,
  testTillConnection,
} from '../../services/tills/tillConnection.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { tillConnectionBody } from './till.schema.ts';

const tags = ['caisse'];

export const tillRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const path = '/api/establishments/:establishmentId/till';

    app.get(path, { schema: { tags, params: establishmentParams } }, async (request) => {
      const account = requireAccount(request);
      return { connection: await getTillConnection(ctx.db, account.id, request.params.establishmentId) };
    });

    app.put(
      path,
      { schema: { tags, params: establishmentParams, body: tillConnectionBody } },
      async (request) => {
        const account = requireAccount(request);
        const body = {
          ...request.body,
          password: request.body.password === '' ? undefined : request.body.password,
        };
        return saveTillConnection(
          ctx.db,
          ctx.tills,
          account.id,
          request.params.establishmentId,
          body,
          ctx.clock,
        );
      },
    );

    app.post(`${path}/test`, { schema: { tags, params: establishmentParams } }, async (request) => {
      const account = requireAccount(request);
      return testTillConnection(ctx.db, ctx.tills, account.id, request.params.establishmentId, ctx.clock);
    });
  };
