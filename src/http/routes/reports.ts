import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportBevCost } from '../../services/reports/exportReports.ts';
import { bevCostReport, drinkCostHistory, reportsOverview } from '../../services/reports/reports.ts';
import { whileClientWaits } from '../clientGone.ts';
import type { AppContext } from '../context.ts';
import { drinkParams, establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { bevToDto, overviewToDto } from '../presenters/reports.ts';
import { exportFile } from './variance.schema.ts';
import { bevDto, bevExportQuery, costHistoryDto, overviewDto, periodQuery } from './reports.schema.ts';

const tags = ['rapports'];

export const reportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const E = '/api/establishments/:establishmentId';

    app.get(
      `${E}/reports/bev-cost`,
      { schema: { tags, params: establishmentParams, querystring: periodQuery, response: { 200: bevDto } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const id = request.params.establishmentId;
        return bevToDto(
          await whileClientWaits(ctx.db, reply, (db) =>
            bevCostReport(db, account.id, id, request.query, ctx.clock),
          ),
        );
      },
    );

    app.get(
      `${E}/reports/bev-cost/export`,
      {
        schema: {
          tags,
          params: establishmentParams,
          querystring: bevExportQuery,
          response: { 200: exportFile },
        },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const { format, ...period } = request.query;
        const file = await whileClientWaits(ctx.db, reply, (db) =>
          exportBevCost(db, account.id, request.params.establishmentId, period, format, ctx.clock),
        );
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );

    app.get(
      `${E}/reports/overview`,
      {
        schema: {
          tags,
          params: establishmentParams,
          querystring: periodQuery,
          response: { 200: overviewDto },
        },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const id = request.params.establishmentId;
        return overviewToDto(
          await whileClientWaits(ctx.db, reply, (db) =>
            reportsOverview(db, account.id, id, request.query, ctx.clock),
          ),
        );
      },
    );

    app.get(
      `${E}/drinks/:drinkId/costs`,
      { schema: { tags, params: drinkParams, response: { 200: costHistoryDto } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, drinkId } = request.params;
        const items = await drinkCostHistory(ctx.db, account.id, establishmentId, drinkId);
        return {
          items: items.map((c) => ({
            validFrom: c.validFrom,
            unitCost: c.unitCostCents / 100,
            stockBefore: c.stockBefore,
            received: c.received,
            receiptPrice: c.receiptPriceCents / 100,
          })),
        };
      },
    );
  };
