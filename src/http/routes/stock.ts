import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { drinkMovements, recordCounts, recordMovement } from '../../services/stock/recordMovements.ts';
import type { AppContext } from '../context.ts';
import { drinkParams, establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { presentDrink } from '../presenters/drinks.ts';
import { drinkResponse } from './drinks.schema.ts';
import { countsBody, countsResponse, movementBody, movementList } from './stock.schema.ts';

const tags = ['stock'];
const toDate = (iso: string | undefined): Date | undefined => (iso ? new Date(iso) : undefined);

export const stockRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const drinkPath = '/api/establishments/:establishmentId/drinks/:drinkId/movements';

    app.get(
      drinkPath,
      { schema: { tags, params: drinkParams, response: { 200: movementList } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, drinkId } = request.params;
        return drinkMovements(ctx.db, account.id, establishmentId, drinkId);
      },
    );

    app.post(
      drinkPath,
      { schema: { tags, params: drinkParams, body: movementBody, response: { 201: drinkResponse } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { establishmentId, drinkId } = request.params;
        const body = request.body;
        const drink = await inTransaction(ctx.db, (trx) =>
          recordMovement(
            trx,
            account.id,
            establishmentId,
            drinkId,
            {
              kind: body.kind,
              quantity: body.quantity,
              occurredAt: toDate(body.occurredAt),
              note: body.note,
              ...(body.kind === 'receipt' && body.unitPrice !== undefined
                ? { unitCostCents: Math.round(body.unitPrice * 100) }
                : {}),
              ...(body.kind === 'receipt' && body.supplier ? { supplier: body.supplier } : {}),
            },
            ctx.clock,
          ),
        );
        return reply.status(201).send(presentDrink(drink));
      },
    );

    app.post(
      '/api/establishments/:establishmentId/counts',
      { schema: { tags, params: establishmentParams, body: countsBody, response: { 201: countsResponse } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { counts, occurredAt, note } = request.body;
        const result = await inTransaction(ctx.db, (trx) =>
          recordCounts(
            trx,
            account.id,
            request.params.establishmentId,
            counts,
            { occurredAt: toDate(occurredAt), note },
            ctx.clock,
          ),
        );
        return reply.status(201).send(result);
      },
    );
  };
