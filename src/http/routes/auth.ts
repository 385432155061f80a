import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inTransaction } from '../../db/transaction.ts';
import { reserveLogin, signIn } from '../../services/auth/signIn.ts';
import { signUp } from '../../services/auth/signUp.ts';
import { changePassword } from '../../services/auth/changePassword.ts';
import { signOut, signOutEverywhere } from '../../services/auth/sessions.ts';
import { updateLocale } from '../../services/auth/updateLocale.ts';
import { acceptPendingInvitations } from '../../services/auth/acceptInvitations.ts';
import type { AppContext } from '../context.ts';
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  clearSessionCookie,
  requireAccount,
  setSessionCookie,
} from '../session.ts';
import { presentAccount, presentSessionsEnded } from '../presenters/accounts.ts';
import { noContent } from '../schemas.ts';
import {
  accountEnvelope,
  changePasswordBody,
  meResponse,
  sessionsEndedResponse,
  signInBody,
  signUpBody,
  updateMeBody,
} from './auth.schema.ts';

const tags = ['compte'];

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Reading the session (the web app does on load) takes up the invitations sent since the last sign-in.
    app.get('/api/auth/me', { schema: { tags, response: { 200: meResponse } } }, async (request) => {
      const account = request.account;
      if (account)
        await inTransaction(ctx.db, (trx) => acceptPendingInvitations(trx, account, ctx.clock.now()));
      return {
        account: account ? presentAccount(account) : null,
        csrfToken: request.cookies[CSRF_COOKIE] ?? null,
      };
    });

    app.post(
      '/api/auth/signup',
      { schema: { tags, body: signUpBody, response: { 201: accountEnvelope } } },
      async (request, reply) => {
        const { account, token, expiresAt } = await inTransaction(ctx.db, (trx) =>
          signUp(trx, request.body, ctx.clock),
        );
        setSessionCookie(reply, request, ctx, token, expiresAt);
        return reply.status(201).send({ account: presentAccount(account) });
      },
    );

    app.post(
      '/api/auth/login',
      { schema: { tags, body: signInBody, response: { 200: accountEnvelope } } },
      async (request, reply) => {
        const input = { ...request.body, ip: request.ip };
        const attemptId = await inTransaction(ctx.db, (trx) => reserveLogin(trx, input, ctx.clock));
        const { account, token, expiresAt } = await signIn(ctx.db, { ...input, attemptId }, ctx.clock);
        await inTransaction(ctx.db, (trx) => acceptPendingInvitations(trx, account, ctx.clock.now()));
        setSessionCookie(reply, request, ctx, token, expiresAt);
        return { account: presentAccount(account) };
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags, response: { 204: noContent } } },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await signOut(ctx.db, token);
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );

    app.patch(
      '/api/auth/me',
      { schema: { tags, body: updateMeBody, response: { 200: accountEnvelope } } },
      async (request) => {
        const account = requireAccount(request);
        await updateLocale(ctx.db, account.id, request.body.locale);
        return { account: presentAccount({ ...account, locale: request.body.locale }) };
      },
    );

    app.post(
      '/api/auth/password',
      { schema: { tags, body: changePasswordBody, response: { 200: sessionsEndedResponse } } },
      async (request) => {
        const account = requireAccount(request);
        const token = request.cookies[SESSION_COOKIE] ?? '';
        const login = { email: account.email, password: '', ip: request.ip };
        const attemptId = await inTransaction(ctx.db, (trx) => reserveLogin(trx, login, ctx.clock));
        const attempt = { ip: request.ip, attemptId };
        const result = await inTransaction(ctx.db, (trx) =>
          changePassword(trx, account.id, token, { ...request.body, attempt }, ctx.clock),
        );
        return presentSessionsEnded(result);
      },
    );

    app.post(
      '/api/auth/logout-everywhere',
      { schema: { tags, response: { 200: sessionsEndedResponse } } },
      async (request, reply) => {
        const account = requireAccount(request);
        const result = await inTransaction(ctx.db, (trx) => signOutEverywhere(trx, account.id));
        clearSessionCookie(reply);
        return presentSessionsEnded(result);
      },
    );
  };
