import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RateLimits, TrustProxy } from '../config.ts';
import type { AppContext, AppContextInput } from './context.ts';
import { errorHandler } from './errors.ts';
import { rejectBadText } from './inputGuard.ts';
import { registerRateLimits } from './rateLimits.ts';
import { registerSecurityHeaders, SWAGGER_CSP } from './securityHeaders.ts';
import { clockedValidatorCompiler } from './validationClock.ts';
import { registerSession } from './session.ts';
import { healthRoutes } from './routes/health.ts';
import { authRoutes } from './routes/auth.ts';
import { establishmentRoutes } from './routes/establishments.ts';
import { drinkRoutes } from './routes/drinks.ts';
import { stockRoutes } from './routes/stock.ts';
import { referenceRoutes } from './routes/reference.ts';
import { tillsRoutes } from './routes/till.ts';
import { importRoutes } from './routes/imports.ts';
import { libraryRoutes } from './routes/library.ts';
import { syncRoutes } from './routes/sync.ts';
import { demoRoutes } from './routes/demo.ts';
import { taskRoutes } from './routes/tasks.ts';
import { wineListRoutes } from './routes/wineLists.ts';
import { carteRoutes } from './routes/carte.ts';
import { salesFileRoutes } from './routes/salesFiles.ts';
import { countRoutes } from './routes/counts.ts';
import { varianceRoutes } from './routes/variance.ts';
import { reportRoutes } from './routes/reports.ts';

z.config(z.locales.fr());

/** A registered route and the status codes its response schemas cover (the contract test reads these). */
type RouteEntry = { method: string; url: string; responses: string[] };

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export async function buildApp(
  input: AppContextInput,
  options: {
    logger?: FastifyServerOptions['logger'];
    trustProxy?: TrustProxy;
    rateLimits?: RateLimits;
  } = {},
): Promise<FastifyInstance> {
  const ctx: AppContext = input;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    // Off unless configured: otherwise X-Forwarded-For, which the client writes, would become request.ip.
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(clockedValidatorCompiler(ctx.clock));
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // The route table, kept so that the tenant-isolation test can prove it covers every route.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD')
        routeTable.push({ method, url: route.url, responses: Object.keys(route.schema?.response ?? {}) });
  });

  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Cellier API',
        version: ctx.version,
        description: 'Cave et stock des boissons, alimentés par la caisse.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: SWAGGER_CSP });
  registerSession(app, ctx);
  app.addHook('preValidation', rejectBadText);
  if (options.rateLimits)
    await registerRateLimits(app, { db: ctx.db, clock: ctx.clock, limits: options.rateLimits });

  for (const routes of [
    healthRoutes,
    authRoutes,
    establishmentRoutes,
    drinkRoutes,
    stockRoutes,
    referenceRoutes,
    tillsRoutes,
    importRoutes,
    libraryRoutes,
    syncRoutes,
    demoRoutes,
    taskRoutes,
    wineListRoutes,
    carteRoutes,
    salesFileRoutes,
    countRoutes,
    varianceRoutes,
    reportRoutes,
  ]) {
    await app.register(routes(ctx));
  }
  await registerWeb(app, ctx.webDir);
  return app;
}

/** A hop count becomes Fastify's own function form (its types only take numbers that way). */
function fastifyTrustProxy(
  value: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/** The single-page app: static files, and index.html for every non-API path so that deep links work. */
async function registerWeb(app: FastifyInstance, webDir: string | undefined) {
  const notFoundApi = () => ({ error: { code: 'not_found', message: 'Route inconnue' } });
  if (!webDir || !fs.existsSync(path.join(webDir, 'index.html'))) {
    app.setNotFoundHandler((_request, reply) => reply.status(404).send(notFoundApi()));
    return;
  }
  await app.register(fastifyStatic, { root: webDir, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET')
      return reply.status(404).send(notFoundApi());
    return reply.type('text/html').sendFile('index.html');
  });
}
