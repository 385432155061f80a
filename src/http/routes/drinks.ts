import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { eurosToCents } from '../../domain/money.ts';
import { createDrink } from '../../services/drinks/createDrink.ts';
import type { DrinkInput } from '../../services/drinks/drinkValues.ts';
import { drinkRegions, getDrink, queryDrinks } from '../../services/drinks/queryDrinks.ts';
import { setArchived, updateDrink } from '../../services/drinks/updateDrink.ts';
import { whileClientWaits } from '../clientGone.ts';
import type { AppContext } from '../context.ts';
import { drinkParams, establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { presentDrink } from '../presenters/drinks.ts';
import {
  archiveBody,
  createDrinkBody,
  drinkBody,
  drinkListQuery,
  drinkPage,
  drinkResponse,
  regionList,
  type DrinkBody,
} from './drinks.schema.ts';

const tags = ['boissons'];
const toCents = (euros: number | null | undefined): number | null =>
  euros === null || euros === undefined ? null : eurosToCents(euros);

export function toDrinkInput(body: DrinkBody): DrinkInput {
  return {
    libraryEntryId: null,
    type: body.type,
    colour: body.colour ?? null,
    producer: body.producer ?? null,
    cuvee: body.cuvee ?? null,
    appellationId: body.appellationId ?? null,
    appellation: body.appellation ?? null,
    region: body.region ?? null,
    country: body.country ?? null,
    grapes: body.grapes,
    vintage: body.vintage,
    formatCl: body.formatCl,
    purchasePriceCents: toCents(body.purchasePrice),
    salePriceCents: toCents(body.salePrice),
    location: body.location ?? null,
    minStock: body.minStock ?? null,
  };
}

export const drinkRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/api/establishments/:establishmentId/drinks';

    app.get(
      base,
      {
        schema: {
          tags,
          params: establishmentParams,
          querystring: drinkListQuery,
          response: { 200: drinkPage },
        },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const result = await whileClientWaits(ctx.db, reply, (db) =>
          queryDrinks(db, account.id, request.params.establishmentId, request.query),
        );
        return { ...result, items: result.items.map(presentDrink) };
      },
    );

    app.post(
      base,
      {
        schema: {
          tags,
          params: establishmentParams,
          body: createDrinkBody,
          response: { 201: drinkResponse },
        },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const { onHand, ...body } = request.body;
        const drink = await inTransaction(ctx.db, (trx) =>
          createDrink(
            trx,
            account.id,
            request.params.establishmentId,
            toDrinkInput(body),
            onHand ?? undefined,
            ctx.clock,
          ),
        );
        return reply.status(201).send(presentDrink(drink));
      },
    );

    app.get(
      `${base}/:drinkId`,
      { schema: { tags, params: drinkParams, response: { 200: drinkResponse } } },
      async (request) => {
        const account = requireAccount(request);
        return presentDrink(
          await getDrink(ctx.db, account.id, request.params.establishmentId, request.params.drinkId),
        );
      },
    );

    app.put(
      `${base}/:drinkId`,
      { schema: { tags, params: drinkParams, body: drinkBody, response: { 200: drinkResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, drinkId } = request.params;
        const drink = await inTransaction(ctx.db, (trx) =>
          updateDrink(trx, account.id, establishmentId, drinkId, toDrinkInput(request.body), ctx.clock),
        );
        return presentDrink(drink);
      },
    );

    app.post(
      `${base}/:drinkId/archive`,
      { schema: { tags, params: drinkParams, body: archiveBody, response: { 200: drinkResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, drinkId } = request.params;
        const drink = await inTransaction(ctx.db, (trx) =>
          setArchived(trx, account.id, establishmentId, drinkId, request.body.archived, ctx.clock),
        );
        return presentDrink(drink);
      },
    );

    app.get(
      '/api/establishments/:establishmentId/regions',
      { schema: { tags, params: establishmentParams, response: { 200: regionList } } },
      async (request) => {
        const account = requireAccount(request);
        return { items: await drinkRegions(ctx.db, account.id, request.params.establishmentId) };
      },
    );
  };
