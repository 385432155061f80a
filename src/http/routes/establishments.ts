import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { createEstablishment } from '../../services/establishments/createEstablishment.ts';
import { inviteMember } from '../../services/establishments/inviteMember.ts';
import { getEstablishment, listMyEstablishments, listTeam } from '../../services/establishments/queries.ts';
import { updateEstablishmentSettings } from '../../services/establishments/updateEstablishmentSettings.ts';
import type { AppContext } from '../context.ts';
import { establishmentParams } from '../schemas.ts';
import { requireAccount } from '../session.ts';
import {
  createEstablishmentBody,
  establishmentList,
  establishmentResponse,
  inviteBody,
  inviteResponse,
  memberParams,
  memberRoleBody,
  memberRoleResponse,
  teamResponse,
  updateEstablishmentBody,
} from './establishments.schema.ts';
import { changeMemberRole } from '../../services/establishments/changeMemberRole.ts';

const tags = ['établissements'];

export const establishmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/establishments',
      { schema: { tags, response: { 200: establishmentList } } },
      async (request) => {
        const account = requireAccount(request);
        return { items: await listMyEstablishments(ctx.db, account.id) };
      },
    );

    app.post(
      '/api/establishments',
      { schema: { tags, body: createEstablishmentBody, response: { 201: establishmentResponse } } },
      async (request, reply) => {
        const account = requireAccount(request);
        return reply
          .status(201)
          .send(await inTransaction(ctx.db, (trx) => createEstablishment(trx, account.id, request.body)));
      },
    );

    app.get(
      '/api/establishments/:establishmentId',
      { schema: { tags, params: establishmentParams, response: { 200: establishmentResponse } } },
      async (request) => {
        const account = requireAccount(request);
        return getEstablishment(ctx.db, account.id, request.params.establishmentId);
      },
    );

    app.patch(
      '/api/establishments/:establishmentId',
      {
        schema: {
          tags,
          params: establishmentParams,
          body: updateEstablishmentBody,
          response: { 200: establishmentResponse },
        },
      },
      async (request) => {
        const account = requireAccount(request);
        return inTransaction(ctx.db, (trx) =>
          updateEstablishmentSettings(trx, account.id, request.params.establishmentId, request.body),
        );
      },
    );

    app.get(
      '/api/establishments/:establishmentId/members',
      { schema: { tags, params: establishmentParams, response: { 200: teamResponse } } },
      async (request) => {
        const account = requireAccount(request);
        return listTeam(ctx.db, account.id, request.params.establishmentId);
      },
    );

    app.post(
      '/api/establishments/:establishmentId/members',
      { schema: { tags, params: establishmentParams, body: inviteBody, response: { 201: inviteResponse } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const result = await inTransaction(ctx.db, (trx) =>
          inviteMember(trx, account.id, request.params.establishmentId, request.body),
        );
        return reply.status(201).send(result);
      },
    );

    app.patch(
      '/api/establishments/:establishmentId/members/:accountId',
      { schema: { tags, params: memberParams, body: memberRoleBody, response: { 200: memberRoleResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const { establishmentId, accountId } = request.params;
        return inTransaction(ctx.db, (trx) =>
          changeMemberRole(trx, account.id, establishmentId, { accountId, role: request.body.role }),
        );
      },
    );
  };
