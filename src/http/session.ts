import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../db/repositories/accounts.ts';
import { AppError } from '../domain/errors.ts';
import { resolveSession } from '../services/auth/sessions.ts';
import type { AppContext } from './context.ts';

export const SESSION_COOKIE = 'cellier_session';
export const CSRF_COOKIE = 'cellier_csrf';
const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Session from an httpOnly SameSite=Lax cookie; CSRF by double submit: every state-changing request must
 * echo the csrf cookie in a header, which another origin cannot read. The check looks at the method only and
 * the rest at the routed (decoded) path, so `/%61pi/…` cannot slip past it.
 */
export function registerSession(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('account', null);
  app.addHook('onRequest', async (request, reply) => {
    const routed = request.routeOptions.url ?? '';
    const isApi = routed.startsWith('/api/');
    if (!isApi && SAFE_METHODS.has(request.method)) return;
    let csrf = request.cookies[CSRF_COOKIE];
    if (!csrf) {
      csrf = crypto.randomBytes(24).toString('base64url');
      reply.setCookie(CSRF_COOKIE, csrf, {
        path: '/',
        sameSite: 'strict',
        httpOnly: false,
        secure: isSecure(request, ctx),
      });
      request.cookies[CSRF_COOKIE] = csrf;
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, csrf)) {
        throw new AppError('csrf_failed', 'Jeton de sécurité manquant ou invalide : rechargez la page');
      }
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token && isApi) request.account = (await resolveSession(ctx.db, token, ctx.clock.now())) ?? null;
  });
}

export function requireAccount(request: FastifyRequest): Account {
  if (!request.account) throw new AppError('unauthenticated', 'Session expirée : reconnectez-vous');
  return request.account;
}

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  ctx: AppContext,
  token: string,
  expiresAt: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request, ctx),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

function isSecure(request: FastifyRequest, ctx: AppContext): boolean {
  if (ctx.cookieSecure === 'true') return true;
  if (ctx.cookieSecure === 'false') return false;
  return request.protocol === 'https';
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
