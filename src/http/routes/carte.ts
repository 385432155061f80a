import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { carteLogo } from '../../services/wineLists/publicCarte.ts';
import { CarteCache } from '../carte/carteCache.ts';
import { STYLE_HASH } from '../carte/renderHtml.ts';
import type { AppContext } from '../context.ts';

const params = z.object({ slug: z.string().max(80) });
const query = z.object({ lang: z.string().max(5).optional() });
const langOf = (q: { lang?: string | undefined }) => (q.lang === 'en' ? 'en' : 'fr');

// Tight headers for a page anyone can open: no script at all, only this page's own style and images.
const SECURITY_HEADERS = {
  'content-security-policy': `default-src 'none'; style-src '${STYLE_HASH}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  // Stock may change at any moment: always revalidate (cheap, with the ETag).
  'cache-control': 'no-cache',
};

const notFoundPage =
  '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Carte introuvable</title></head><body><h1>Carte introuvable</h1><p>Cette carte n’existe pas ou n’est plus publiée.</p></body></html>';

function notFound(reply: FastifyReply) {
  return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage);
}

function pickEncoding(request: FastifyRequest): 'br' | 'gzip' | null {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

/** The public wine list: no login, server-rendered, cached until anything it shows changes. */
export const carteRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const cache = new CarteCache(ctx.db);
    if (ctx.listenInProcess) {
      const stop = await cache.watch(ctx.listenInProcess);
      app.addHook('onClose', stop);
    }
    await app.register(rateLimit, { global: false });
    app.addHook('onSend', async (_request, reply) => {
      void reply.headers(SECURITY_HEADERS);
    });

    app.get(
      '/carte/:slug',
      { schema: { hide: true, params, querystring: query } },
      async (request, reply) => {
        const page = await cache.page(request.params.slug, langOf(request.query));
        if (!page) return notFound(reply);
        void reply.header('etag', page.etag).header('vary', 'accept-encoding');
        if (request.headers['if-none-match'] === page.etag) return reply.status(304).send();
        const encoding = pickEncoding(request);
        void reply.type('text/html; charset=utf-8');
        if (encoding) void reply.header('content-encoding', encoding);
        return reply.send(encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.html);
      },
    );

    app.get(
      '/carte/:slug/carte.pdf',
      {
        schema: { hide: true, params, querystring: query },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const lang = langOf(request.query);
        const pdf = await cache.pdf(request.params.slug, lang);
        if (!pdf) return notFound(reply);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="carte-${request.params.slug}.pdf"`)
          .send(pdf);
      },
    );

    app.get(
      '/carte/:slug/qr.svg',
      { schema: { hide: true, params }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
      async (request, reply) => {
        if (!(await cache.page(request.params.slug, 'fr'))) return notFound(reply);
        const url = `${request.protocol}://${request.host}/carte/${encodeURIComponent(request.params.slug)}`;
        const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
        return reply.type('image/svg+xml').send(svg);
      },
    );

    app.get(
      '/carte/:slug/logo.png',
      { schema: { hide: true, params }, config: { rateLimit: { max: 300, timeWindow: '1 minute' } } },
      async (request, reply) => {
        const logo = await carteLogo(ctx.db, request.params.slug);
        if (!logo) return notFound(reply);
        return reply.type('image/png').send(logo);
      },
    );
  };
