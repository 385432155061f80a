import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { eurosToCents } from '../../domain/money.ts';
import { createWineList } from '../../services/wineLists/createWineList.ts';
import { readWineList, wineListsOf } from '../../services/wineLists/readWineList.ts';
import { reorderWineList } from '../../services/wineLists/reorderWineList.ts';
import { removeWineListItem, setWineListItem } from '../../services/wineLists/setWineListItem.ts';
import { isUniqueViolation, slugConflict } from '../../services/wineLists/slugs.ts';
import { deleteWineList, updateWineList } from '../../services/wineLists/updateWineList.ts';
import { setLogo } from '../../services/wineLists/wineListLogo.ts';
import type { AppContext } from '../context.ts';
import { toEntryDto, toWineListDto } from '../presenters/wineLists.ts';
import { establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import {
  createWineListBody,
  itemBody,
  logoBody,
  okResponse,
  orderBody,
  updateWineListBody,
  wineListDetailResponse,
  wineListDto,
  wineListItemParams,
  wineListParams,
  wineListsResponse,
} from './wineLists.schema.ts';

const tags = ['carte'];

/** Slug races end on the unique index; they answer like a taken slug instead of a 500. */
async function withSlugGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw slugConflict();
    throw error;
  }
}

export const wineListRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/api/establishments/:establishmentId/wine-lists';
    const one = `${base}/:wineListId`;
    const detail = async (accountId: string, establishmentId: string, wineListId: string) => {
      const { list, sections } = await readWineList(ctx.db, accountId, establishmentId, wineListId);
      return {
        list: toWineListDto(list),
        sections: sections.map((s) => ({ key: s.key, entries: s.entries.map(toEntryDto) })),
      };
    };

    app.get(
      base,
      { schema: { tags, params: establishmentParams, response: { 200: wineListsResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const lists = await wineListsOf(ctx.db, account.id, request.params.establishmentId);
        return { items: lists.map(toWineListDto) };
      },
    );

    app.post(
      base,
      {
        schema: {
          tags,
          params: establishmentParams,
          body: createWineListBody,
          response: { 201: wineListDto },
        },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const list = await withSlugGuard(() =>
          inTransaction(ctx.db, (trx) =>
            createWineList(trx, account.id, request.params.establishmentId, request.body),
          ),
        );
        return reply.status(201).send(toWineListDto(list));
      },
    );

    app.get(
      one,
      { schema: { tags, params: wineListParams, response: { 200: wineListDetailResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, wineListId } = request.params;
        return detail(account.id, establishmentId, wineListId);
      },
    );

    app.patch(
      one,
      { schema: { tags, params: wineListParams, body: updateWineListBody, response: { 200: wineListDto } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, wineListId } = request.params;
        const body = request.body;
        const list = await withSlugGuard(() =>
          inTransaction(ctx.db, (trx) =>
            updateWineList(
              trx,
              account.id,
              establishmentId,
              wineListId,
              {
                ...body,
                ...(body.headerAddress !== undefined
                  ? { headerAddress: body.headerAddress?.trim() || null }
                  : {}),
              },
              ctx.clock,
            ),
          ),
        );
        return toWineListDto(list);
      },
    );

    app.delete(
      one,
      { schema: { tags, params: wineListParams, response: { 200: okResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, wineListId } = request.params;
        await inTransaction(ctx.db, (trx) => deleteWineList(trx, account.id, establishmentId, wineListId));
        return { ok: true as const };
      },
    );

    app.put(
      `${one}/items/:drinkId`,
      {
        schema: {
          tags,
          params: wineListItemParams,
          body: itemBody,
          response: { 200: wineListDetailResponse },
        },
      },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, wineListId, drinkId } = request.params;
        const { section, note, manualPrice } = request.body;
        await inTransaction(ctx.db, (trx) =>
          setWineListItem(trx, account.id, establishmentId, wineListId, drinkId, {
            section,
            note,
            manualPriceCents: manualPrice === null ? null : eurosToCents(manualPrice),
          }),
        );
        return detail(account.id, establishmentId, wineListId);
      },
    );

    app.delete(
      `${one}/items/:drinkId`,
      { schema: { tags, params: wineListItemParams, response: { 200: wineListDetailResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, wineListId, drinkId } = request.params;
        await inTransaction(ctx.db, (trx) =>
          removeWineListItem(trx, account.id, establishmentId, wineListId, drinkId),
        );
        return detail(account.id, establishmentId, wineListId);
      },
    );

    app.put(
      `${one}/order`,
      {
        schema: { tags, params: wineListParams, body: orderBody, response: { 200: wineListDetailResponse } },
      },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, wineListId } = request.params;
        const order = 'order' in request.body ? ('default' as const) : request.body.drinkIds;
        await inTransaction(ctx.db, (trx) =>
          reorderWineList(trx, account.id, establishmentId, wineListId, order, ctx.clock),
        );
        return detail(account.id, establishmentId, wineListId);
      },
    );

    app.put(
      `${one}/logo`,
      { schema: { tags, params: wineListParams, body: logoBody, response: { 200: wineListDto } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, wineListId } = request.params;
        const upload = Buffer.from(request.body.image, 'base64');
        await setLogo(ctx.db, account.id, establishmentId, wineListId, upload, ctx.clock);
        return (await detail(account.id, establishmentId, wineListId)).list;
      },
    );

    app.delete(
      `${one}/logo`,
      { schema: { tags, params: wineListParams, response: { 200: wineListDto } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, wineListId } = request.params;
        await inTransaction(ctx.db, (trx) =>
          setLogo(trx, account.id, establishmentId, wineListId, null, ctx.clock),
        );
        return (await detail(account.id, establishmentId, wineListId)).list;
      },
    );
  };
