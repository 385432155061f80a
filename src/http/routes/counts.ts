import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addDrinkDuringCount } from '../../services/counts/addDrinkDuringCount.ts';
import { closeCountSession } from '../../services/counts/closeCountSession.ts';
import { countSessionDetail, countSessionList } from '../../services/counts/countSessionDetail.ts';
import { createCountSession } from '../../services/counts/createCountSession.ts';
import { reopenCountSession } from '../../services/counts/reopenCountSession.ts';
import { removeCountLine, setCountLine } from '../../services/counts/setCountLine.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams, noContent } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { countSheetToDto, sessionToDto } from '../presenters/counts.ts';
import {
  addDrinkBody,
  addDrinkResultDto,
  closeBody,
  closeResultDto,
  countLineBody,
  countSheetDto,
  createSessionBody,
  lineResultDto,
  removeLineBody,
  reopenBody,
  sessionDto,
  sessionListDto,
  sessionParams,
} from './counts.schema.ts';

const tags = ['inventaires'];

export const countRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/api/establishments/:establishmentId/count-sessions';
    const one = `${base}/:sessionId`;

    app.get(
      base,
      { schema: { tags, params: establishmentParams, response: { 200: sessionListDto } } },
      async (request) => {
        const account = requireAccount(request);
        const items = await countSessionList(ctx.db, account.id, request.params.establishmentId);
        return { items: items.map(sessionToDto) };
      },
    );

    app.post(
      base,
      {
        schema: { tags, params: establishmentParams, body: createSessionBody, response: { 201: sessionDto } },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const b = request.body;
        const session = await inTransaction(ctx.db, (trx) =>
          createCountSession(
            trx,
            account.id,
            request.params.establishmentId,
            {
              name: b.name,
              cutoffAt: new Date(b.cutoffAt),
              scope: b.scope,
              blind: b.blind,
              uncountedZero: b.uncountedZero,
              reasonThresholdCents: Math.round(b.reasonThreshold * 100),
            },
            ctx.clock,
          ),
        );
        return reply.status(201).send(sessionToDto(session));
      },
    );

    app.get(
      one,
      { schema: { tags, params: sessionParams, response: { 200: countSheetDto } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, sessionId } = request.params;
        return countSheetToDto(await countSessionDetail(ctx.db, account.id, establishmentId, sessionId));
      },
    );

    app.put(
      `${one}/lines`,
      { schema: { tags, params: sessionParams, body: countLineBody, response: { 200: lineResultDto } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, sessionId } = request.params;
        return inTransaction(ctx.db, (trx) =>
          setCountLine(trx, account.id, establishmentId, sessionId, request.body, ctx.clock),
        );
      },
    );

    app.post(
      `${one}/lines/remove`,
      { schema: { tags, params: sessionParams, body: removeLineBody, response: { 204: noContent } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { establishmentId, sessionId } = request.params;
        const { drinkId, location } = request.body;
        await inTransaction(ctx.db, (trx) =>
          removeCountLine(trx, account.id, establishmentId, sessionId, drinkId, location, ctx.clock),
        );
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${one}/drinks`,
      { schema: { tags, params: sessionParams, body: addDrinkBody, response: { 201: addDrinkResultDto } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const { establishmentId, sessionId } = request.params;
        const result = await inTransaction(ctx.db, (trx) =>
          addDrinkDuringCount(trx, account.id, establishmentId, sessionId, request.body, ctx.clock),
        );
        return reply.status(201).send(result);
      },
    );

    app.post(
      `${one}/close`,
      { schema: { tags, params: sessionParams, body: closeBody, response: { 200: closeResultDto } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, sessionId } = request.params;
        const r = await inTransaction(ctx.db, (trx) =>
          closeCountSession(trx, account.id, establishmentId, sessionId, request.body, ctx.clock),
        );
        return { ...r, session: sessionToDto(r.session) };
      },
    );

    app.post(
      `${one}/reopen`,
      { schema: { tags, params: sessionParams, body: reopenBody, response: { 200: sessionDto } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, sessionId } = request.params;
        const s = await inTransaction(ctx.db, (trx) =>
          reopenCountSession(trx, account.id, establishmentId, sessionId, request.body, ctx.clock),
        );
        return sessionToDto(s);
      },
    );
  };
