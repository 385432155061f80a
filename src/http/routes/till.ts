import { clientGone } from '../clientGone.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { removeTill } from '../../services/tills/removeTill.ts';
import { addTill, listTills, testTillConnection, updateTill } from '../../services/tills/tillConnection.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { presentTillConnection } from '../presenters/tills.ts';
import {
  tillAddBody,
  tillListResponse,
  tillParams,
  tillRemoveResponse,
  tillSaveResponse,
  tillUpdateBody,
} from './till.schema.ts';

const tags = ['caisse'];

/** Several tills per establishment: list, add, change, test and remove each one by its id (owners only). */
export const tillsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const path = '/api/establishments/:establishmentId/tills';
    const blankSecrets = <B extends { password?: string | undefined; accessToken?: string | undefined }>(
      b: B,
    ) => ({
      ...b,
      password: b.password === '' ? undefined : b.password,
      accessToken: b.accessToken === '' ? undefined : b.accessToken,
    });

    app.get(
      path,
      { schema: { tags, params: establishmentParams, response: { 200: tillListResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const tills = await listTills(ctx.db, account.id, request.params.establishmentId);
        return { tills: tills.map(presentTillConnection) };
      },
    );

    // No transaction around add, change or test: the till is called between the save and the recorded outcome.
    app.post(
      path,
      {
        schema: { tags, params: establishmentParams, body: tillAddBody, response: { 201: tillSaveResponse } },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const saved = await addTill(
          ctx.db,
          ctx.tills,
          account.id,
          request.params.establishmentId,
          blankSecrets(request.body),
          ctx.clock,
          clientGone(reply),
        );
        return reply
          .status(201)
          .send({ connection: presentTillConnection(saved.connection), test: saved.test });
      },
    );

    app.put(
      `${path}/:tillId`,
      { schema: { tags, params: tillParams, body: tillUpdateBody, response: { 200: tillSaveResponse } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { establishmentId, tillId } = request.params;
        const saved = await updateTill(
          ctx.db,
          ctx.tills,
          account.id,
          establishmentId,
          tillId,
          blankSecrets(request.body),
          ctx.clock,
          clientGone(reply),
        );
        return { connection: presentTillConnection(saved.connection), test: saved.test };
      },
    );

    app.post(
      `${path}/:tillId/test`,
      { schema: { tags, params: tillParams, response: { 200: tillSaveResponse } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { establishmentId, tillId } = request.params;
        const { connection, test } = await testTillConnection(
          ctx.db,
          ctx.tills,
          account.id,
          establishmentId,
          tillId,
          ctx.clock,
          clientGone(reply),
        );
        return { connection: presentTillConnection(connection), test };
      },
    );

    app.delete(
      `${path}/:tillId`,
      { schema: { tags, params: tillParams, response: { 200: tillRemoveResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, tillId } = request.params;
        const removed = await inTransaction(ctx.db, (trx) =>
          removeTill(trx, account.id, establishmentId, tillId, ctx.clock),
        );
        return { connection: presentTillConnection(removed) };
      },
    );
  };
