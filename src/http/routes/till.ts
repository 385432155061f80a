import { clientGone } from '../clientGone.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  getTillConnection,
  saveTillConnection,
  testTillConnection,
} from '../../services/tills/tillConnection.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { presentTillConnection } from '../presenters/tills.ts';
import { tillConnectionBody, tillConnectionEnvelope, tillSaveResponse } from './till.schema.ts';

const tags = ['caisse'];

export const tillRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const path = '/api/establishments/:establishmentId/till';

    app.get(
      path,
      { schema: { tags, params: establishmentParams, response: { 200: tillConnectionEnvelope } } },
      async (request) => {
        const account = requireAccount(request);
        const connection = await getTillConnection(ctx.db, account.id, request.params.establishmentId);
        return { connection: connection ? presentTillConnection(connection) : null };
      },
    );

    app.put(
      path,
      {
        schema: {
          tags,
          params: establishmentParams,
          body: tillConnectionBody,
          response: { 200: tillSaveResponse },
        },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const body = {
          ...request.body,
          password: request.body.password === '' ? undefined : request.body.password,
          accessToken: request.body.accessToken === '' ? undefined : request.body.accessToken,
        };
        // No transaction: the till is called between the save and the recorded test outcome.
        const saved = await saveTillConnection(
          ctx.db,
          ctx.tills,
          account.id,
          request.params.establishmentId,
          body,
          ctx.clock,
          clientGone(reply),
        );
        return { connection: presentTillConnection(saved.connection), test: saved.test };
      },
    );

    app.post(
      `${path}/test`,
      { schema: { tags, params: establishmentParams, response: { 200: tillSaveResponse } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { connection, test } = await testTillConnection(
          ctx.db,
          ctx.tills,
          account.id,
          request.params.establishmentId,
          ctx.clock,
          clientGone(reply),
        );
        return { connection: presentTillConnection(connection), test };
      },
    );
  };
