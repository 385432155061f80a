import { inTransaction } from '../../db/transaction.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reserveLogin, signIn } from '../../services/auth/signIn.ts';
import { signUp } from '../../services/auth/signUp.ts';
import { signOut } from '../../services/auth/sessions.ts';
import { updateLocale } from '../../services/auth/updateLocale.ts';
import type { AppContext } from '../context.ts';
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  clearSessionCookie,
  requireAccount,
  setSessionCookie,
} from '../session.ts';
import { signInBody, signUpBody, updateMeBody } from './auth.schema.ts';

const tags = ['compte'];

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/auth/me', { schema: { tags } }, async (request) => ({
      account: request.account,
      csrfToken: request.cookies[CSRF_COOKIE] ?? null,
    }));

    app.post('/api/auth/signup', { schema: { tags, body: signUpBody } }, async (request, reply) => {
      const { account, token, expiresAt } = await signUp(ctx.db, request.body, ctx.clock);
      setSessionCookie(reply, request, ctx, token, expiresAt);
      return reply.status(201).send({ account });
    });

    app.post('/api/auth/login', { schema: { tags, body: signInBody } }, async (request, reply) => {
      const input = { ...request.body, ip: request.ip };
      const attemptId = await inTransaction(ctx.db, (trx) => reserveLogin(trx, input, ctx.clock));
      const { account, token, expiresAt } = await signIn(ctx.db, { ...input, attemptId }, ctx.clock);
      setSessionCookie(reply, request, ctx, token, expiresAt);
      return { account };
    });

    app.post('/api/auth/logout', { schema: { tags } }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(ctx.db, token);
      clearSessionCookie(reply);
      return reply.status(204).send();
    });

    app.patch('/api/auth/me', { schema: { tags, body: updateMeBody } }, async (request) => {
      const account = requireAccount(request);
      await updateLocale(ctx.db, account.id, request.body.locale);
      return { account: { ...account, locale: request.body.locale } };
    });
  };
