import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireMembership } from '../../services/establishments/access.ts';
import { applySalesFileImport, prepareSalesFileImport } from '../../services/salesFiles/importSalesFile.ts';
import { previewSalesFile } from '../../services/salesFiles/previewSalesFile.ts';
import { deletePreset, listPresets, savePreset } from '../../services/salesFiles/presets.ts';
import { salesFileHistory } from '../../services/salesFiles/history.ts';
import { SALES_FILE_LIMITS } from '../../tills/salesFile/limits.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import { spoolUpload } from '../upload/spool.ts';
import { inTransaction } from '../../db/transaction.ts';
import { noContent } from '../schemas.ts';
import { presentHistory, presentImport, presentPreview } from '../presenters/salesFiles.ts';
import {
  historyResponse,
  importResponse,
  presetBody,
  presetList,
  presetParams,
  presetResponse,
  previewResponse,
  salesFileQuery,
} from './salesFiles.schema.ts';

const tags = ['fichier de ventes'];
const RAW_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

export const salesFileRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Scoped to this plugin: the body stays a stream, spooled to disk with the 50 MB cap.
    app.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));
    const path = '/api/establishments/:establishmentId/sales-files';
    const upload = { bodyLimit: SALES_FILE_LIMITS.maxBytes + 1024 };

    app.get(
      path,
      { schema: { tags, params: establishmentParams, response: { 200: historyResponse } } },
      async (request) => {
        const account = requireAccount(request);
        return presentHistory(await salesFileHistory(ctx.db, account.id, request.params.establishmentId));
      },
    );

    app.post(
      `${path}/preview`,
      {
        ...upload,
        schema: {
          tags,
          params: establishmentParams,
          querystring: salesFileQuery,
          response: { 200: previewResponse },
        },
      },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId } = request.params;
        // Membership first: a non-member's upload is never written to disk.
        await requireMembership(ctx.db, establishmentId, account.id);
        const file = await spoolUpload(request.body, SALES_FILE_LIMITS.maxBytes);
        try {
          return presentPreview(
            await previewSalesFile(ctx.db, account.id, establishmentId, file.path, request.query.settings),
          );
        } finally {
          await file.remove();
        }
      },
    );

    app.post(
      `${path}/import`,
      {
        ...upload,
        schema: {
          tags,
          params: establishmentParams,
          querystring: salesFileQuery,
          response: { 201: importResponse },
        },
      },
      async (request, reply) => {
        const account = requireAccount(request);
        const { establishmentId } = request.params;
        await requireMembership(ctx.db, establishmentId, account.id);
        const file = await spoolUpload(request.body, SALES_FILE_LIMITS.maxBytes);
        try {
          const prepared = await prepareSalesFileImport(
            ctx.db,
            account.id,
            establishmentId,
            file.path,
            { name: request.query.fileName, sizeBytes: file.sizeBytes, sha256: file.sha256 },
            request.query.settings,
          );
          const result = await inTransaction(ctx.db, (trx) => applySalesFileImport(trx, prepared, ctx.clock));
          return reply.status(201).send(presentImport(result));
        } finally {
          await file.remove();
        }
      },
    );

    app.get(
      `${path}/presets`,
      { schema: { tags, params: establishmentParams, response: { 200: presetList } } },
      async (request) => {
        const account = requireAccount(request);
        return { items: await listPresets(ctx.db, account.id, request.params.establishmentId) };
      },
    );

    app.put(
      `${path}/presets/:name`,
      { schema: { tags, params: presetParams, body: presetBody, response: { 200: presetResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, name } = request.params;
        return savePreset(ctx.db, account.id, establishmentId, { name, ...request.body }, ctx.clock);
      },
    );

    app.delete(
      `${path}/presets/:name`,
      { schema: { tags, params: presetParams, response: { 204: noContent } } },
      async (request, reply) => {
        const account = requireAccount(request);
        await deletePreset(ctx.db, account.id, request.params.establishmentId, request.params.name);
        return reply.status(204).send(null);
      },
    );
  };
