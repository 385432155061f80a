import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { varianceHistory } from '../../services/counts/varianceHistory.ts';
import {
  addVarianceReason,
  editVarianceReason,
  justifyVariance,
  varianceReasons,
} from '../../services/counts/varianceReasons.ts';
import { varianceReport } from '../../services/counts/varianceReport.ts';
import { exportVariance } from '../../services/reports/exportReports.ts';
import { inTransaction } from '../../db/transaction.ts';
import { whileClientWaits } from '../clientGone.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams, noContent } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { sessionParams } from './counts.schema.ts';
import { historyItemDto, varianceToDto } from '../presenters/variance.ts';
import {
  exportFile,
  exportQuery,
  justifyBody,
  reasonBody,
  reasonListDto,
  reasonParams,
  reasonPatchBody,
  varianceDrinkParams,
  varianceDto,
  varianceHistoryDto,
} from './variance.schema.ts';

const tags = ['écarts'];
const reasonsOut = (items: { id: string; label: string; archived: boolean }[]) => ({
  items: items.map(({ id, label, archived }) => ({ id, label, archived })),
});

export const varianceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const E = '/api/establishments/:establishmentId';
    const S = `${E}/count-sessions/:sessionId`;

    app.get(
      `${S}/variance`,
      { schema: { tags, params: sessionParams, response: { 200: varianceDto } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { establishmentId, sessionId } = request.params;
        return varianceToDto(
          await whileClientWaits(ctx.db, reply, (db) =>
            varianceReport(db, account.id, establishmentId, sessionId),
          ),
        );
      },
    );

    app.get(
      `${S}/variance/export`,
      { schema: { tags, params: sessionParams, querystring: exportQuery, response: { 200: exportFile } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { establishmentId, sessionId } = request.params;
        const file = await whileClientWaits(ctx.db, reply, (db) =>
          exportVariance(db, account.id, establishmentId, sessionId, request.query.format),
        );
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );

    app.put(
      `${S}/variance/:drinkId/reason`,
      { schema: { tags, params: varianceDrinkParams, body: justifyBody, response: { 204: noContent } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { establishmentId, sessionId, drinkId } = request.params;
        await inTransaction(ctx.db, (trx) =>
          justifyVariance(trx, account.id, establishmentId, sessionId, drinkId, request.body, ctx.clock),
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${E}/variance-reasons`,
      { schema: { tags, params: establishmentParams, response: { 200: reasonListDto } } },
      async (request) => {
        const account = requireAccount(request);
        const id = request.params.establishmentId;
        return reasonsOut(await inTransaction(ctx.db, (trx) => varianceReasons(trx, account.id, id)));
      },
    );

    app.post(
      `${E}/variance-reasons`,
      { schema: { tags, params: establishmentParams, body: reasonBody, response: { 201: reasonListDto } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const id = request.params.establishmentId;
        const items = await inTransaction(ctx.db, (trx) =>
          addVarianceReason(trx, account.id, id, request.body.label),
        );
        return reply.status(201).send(reasonsOut(items));
      },
    );

    app.patch(
      `${E}/variance-reasons/:reasonId`,
      { schema: { tags, params: reasonParams, body: reasonPatchBody, response: { 200: reasonListDto } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, reasonId } = request.params;
        const items = await inTransaction(ctx.db, (trx) =>
          editVarianceReason(trx, account.id, establishmentId, reasonId, request.body, ctx.clock),
        );
        return reasonsOut(items);
      },
    );

    app.get(
      `${E}/variance-history`,
      { schema: { tags, params: establishmentParams, response: { 200: varianceHistoryDto } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const items = await whileClientWaits(ctx.db, reply, (db) =>
          varianceHistory(db, account.id, request.params.establishmentId),
        );
        return { items: items.map(historyItemDto) };
      },
    );
  };
