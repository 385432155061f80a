import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { drinkMovements, recordCounts, recordMovement } from '../../services/stock/recordMovements.ts';
import type { AppContext } from '../context.ts';
import { drinkParams, establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { presentDrink } from '../presenters/drinks.ts';
import { countsBody, movementBody } from './stock.schema.ts';

const tags = ['stock'];
const toDate = (iso: string | undefined): Date | undefined => (iso ? new Date(iso) : undefined);

export const stockRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const drinkPath = '/api/establishments/:establishmentId/drinks/:drinkId/movements';

    app.get(drinkPath, { schema: { tags, params: drinkParams } }, async (request) => {
      const account = requireAccount(request);
      const { establishmentId, drinkId } = request.params;
      return { items: await drinkMovements(ctx.db, account.id, establishmentId, drinkId) };
    });

    app.post(
      drinkPath,
      { schema: { tags, params: drinkParams, body: movementBody } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { establishmentId, drinkId } = request.params;
        const body = request.body;
        const drink = await recordMovement(
          ctx.db,
          account.id,
          establishmentId,
          drinkId,
          { kind: body.kind, quantity: body.quantity, occurredAt: toDate(body.occurredAt), note: body.note },
          ctx.clock,
        );
        return reply.status(201).send(presentDrink(drink));
      },
    );

    app.post(
      '/api/establishments/:establishmentId/counts',
      { schema: { tags, params: establishmentParams, body: countsBody } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { counts, occurredAt, note } = request.body;
        const result = await recordCounts(
          ctx.db,
          account.id,
          request.params.establishmentId,
          counts,
          { occurredAt: toDate(occurredAt), note },
          ctx.clock,
        );
        return reply.status(201).send(result);
      },
    );
  };
