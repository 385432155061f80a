import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { addDays, localDateHour } from '../../domain/businessDay.ts';
import { requireMembership } from '../../services/establishments/access.ts';
import { linkSafeProposals, safeProposals } from '../../services/sync/bulkLink.ts';
import { linkTillProduct, type LinkTarget } from '../../services/sync/linkTillProduct.ts';
import {
  breakLink,
  changeLinkFactor,
  drinkSales,
  setProductIgnored,
} from '../../services/sync/manageLinks.ts';
import { proposalFor } from '../../services/sync/proposal.ts';
import { workList } from '../../services/sync/workList.ts';
import { importState } from '../../services/sync/importState.ts';
import { whileClientWaits } from '../clientGone.ts';
import type { AppContext } from '../context.ts';
import { drinkParams, establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { presentDrink } from '../presenters/drinks.ts';
import { presentProposal } from '../presenters/sync.ts';
import { noContent } from '../schemas.ts';
import { toDrinkInput } from './drinks.ts';
import {
  bulkLinkBody,
  bulkLinkResponse,
  drinkSalesResponse,
  factorBody,
  factorResponse,
  ignoreBody,
  ignoreFamilyBody,
  ignoreResponse,
  linkBody,
  linkResponse,
  proposalDto,
  safeProposalsResponse,
  salesQuery,
  tillProductParams,
  workListQuery,
  workListResponse,
  ignoreManyBody,
  notDrinksResponse,
} from './sync.schema.ts';
import { ignoreProducts, notDrinkProposals } from '../../services/sync/notDrinks.ts';

const tags = ['synchronisation'];
export const syncRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/api/establishments/:establishmentId/till-products';

    app.get(
      base,
      {
        schema: {
          tags,
          params: establishmentParams,
          querystring: workListQuery,
          response: { 200: workListResponse },
        },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const { page, pageSize, q, ...rest } = request.query;
        const list = await whileClientWaits(ctx.db, reply, (db) =>
          workList(
            db,
            account.id,
            request.params.establishmentId,
            { ...rest, searchTerm: q, limit: pageSize, offset: (page - 1) * pageSize },
            ctx.clock,
          ),
        );
        return { ...list, imports: await importState(ctx.db, ctx.imports, request.params.establishmentId) };
      },
    );

    app.get(
      `${base}/not-drinks`,
      { schema: { tags, params: establishmentParams, response: { 200: notDrinksResponse } } },
      async (request) => {
        const account = requireAccount(request);
        return { items: await notDrinkProposals(ctx.db, account.id, request.params.establishmentId) };
      },
    );

    app.post(
      `${base}/ignore-many`,
      {
        schema: {
          tags,
          params: establishmentParams,
          body: ignoreManyBody,
          response: { 200: ignoreResponse },
        },
      },
      async (request) => {
        const account = requireAccount(request);
        return inTransaction(ctx.db, (trx) =>
          ignoreProducts(
            trx,
            account.id,
            request.params.establishmentId,
            request.body.tillProductIds,
            ctx.clock,
          ),
        );
      },
    );

    app.get(
      `${base}/:tillProductId/proposal`,
      { schema: { tags, params: tillProductParams, response: { 200: proposalDto } } },
      async (request) => {
        const account = requireAccount(request);
        return presentProposal(
          await proposalFor(
            ctx.db,
            account.id,
            request.params.establishmentId,
            request.params.tillProductId,
            ctx.clock,
          ),
        );
      },
    );

    app.post(
      `${base}/:tillProductId/link`,
      { schema: { tags, params: tillProductParams, body: linkBody, response: { 200: linkResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const t = request.body.target;
        const onHand = request.body.onHand ?? undefined;
        const target: LinkTarget =
          t.kind === 'new'
            ? { kind: 'new', drink: toDrinkInput(t.drink), ...(onHand === undefined ? {} : { onHand }) }
            : t.kind === 'library'
              ? { ...t, ...(onHand === undefined ? {} : { onHand }) }
              : t;
        const result = await inTransaction(ctx.db, (trx) =>
          linkTillProduct(
            trx,
            account.id,
            request.params.establishmentId,
            request.params.tillProductId,
            target,
            request.body.factor,
            ctx.clock,
          ),
        );
        return { drink: presentDrink(result.drink), factor: result.factor };
      },
    );

    app.delete(
      `${base}/:tillProductId/link`,
      { schema: { tags, params: tillProductParams, response: { 204: noContent } } },
      async (request, reply) => {
        const account = requireAccount(request);
        await inTransaction(ctx.db, (trx) =>
          breakLink(trx, account.id, request.params.establishmentId, request.params.tillProductId),
        );
        return reply.status(204).send(null);
      },
    );

    app.patch(
      `${base}/:tillProductId/link`,
      { schema: { tags, params: tillProductParams, body: factorBody, response: { 200: factorResponse } } },
      async (request) => {
        const account = requireAccount(request);
        await inTransaction(ctx.db, (trx) =>
          changeLinkFactor(
            trx,
            account.id,
            request.params.establishmentId,
            request.params.tillProductId,
            request.body.factor,
          ),
        );
        return { factor: request.body.factor };
      },
    );

    app.post(
      `${base}/:tillProductId/ignore`,
      { schema: { tags, params: tillProductParams, body: ignoreBody, response: { 200: ignoreResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, tillProductId } = request.params;
        return inTransaction(ctx.db, (trx) =>
          setProductIgnored(
            trx,
            account.id,
            establishmentId,
            { id: tillProductId },
            request.body.ignored,
            ctx.clock,
          ),
        );
      },
    );

    app.post(
      `${base}/ignore-family`,
      {
        schema: {
          tags,
          params: establishmentParams,
          body: ignoreFamilyBody,
          response: { 200: ignoreResponse },
        },
      },
      async (request) => {
        const account = requireAccount(request);
        return inTransaction(ctx.db, (trx) =>
          setProductIgnored(
            trx,
            account.id,
            request.params.establishmentId,
            { family: request.body.family },
            request.body.ignored,
            ctx.clock,
          ),
        );
      },
    );

    app.get(
      `${base}/safe-proposals`,
      { schema: { tags, params: establishmentParams, response: { 200: safeProposalsResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const items = await safeProposals(ctx.db, account.id, request.params.establishmentId, ctx.clock);
        return { items: items.map(presentProposal) };
      },
    );

    app.post(
      `${base}/safe-proposals`,
      {
        schema: {
          tags,
          params: establishmentParams,
          body: bulkLinkBody,
          response: { 200: bulkLinkResponse },
        },
      },
      async (request) => {
        const account = requireAccount(request);
        // One transaction for the whole batch (500 products at most): all linked, or none.
        return inTransaction(ctx.db, (trx) =>
          linkSafeProposals(
            trx,
            account.id,
            request.params.establishmentId,
            request.body.tillProductIds,
            ctx.clock,
          ),
        );
      },
    );

    app.get(
      '/api/establishments/:establishmentId/drinks/:drinkId/sales',
      {
        schema: { tags, params: drinkParams, querystring: salesQuery, response: { 200: drinkSalesResponse } },
      },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, drinkId } = request.params;
        const establishment = await requireMembership(ctx.db, establishmentId, account.id);
        const today = localDateHour(ctx.clock.now(), establishment.timeZone).date;
        const to = request.query.to ?? today;
        const from = request.query.from ?? addDays(to, -30);
        const sales = await drinkSales(ctx.db, account.id, establishmentId, drinkId, { from, to });
        return { ...sales, from, to };
      },
    );
  };
