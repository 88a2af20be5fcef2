/**
 * `GET /api/health`: liveness, version, which database is in use, and the server's clock (the
 * web app measures its offset to it, so every participant's exercise timer shows the same). `GET /api/ready`:
 * whether the database (and Redis, when configured) answer, 503 naming what is down.
 */
import type { FastifyInstance } from 'fastify';
import type { ReadinessProbe } from '../observability/readiness.ts';
import type { ApiContext } from './context.ts';
import { Health, jsonSchema, Readiness } from './schemas.ts';

/** Registers the health and readiness routes. */
export function healthRoutes(app: FastifyInstance, ctx: ApiContext, probe: ReadinessProbe): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Is the server up, which version, which database, and the server clock',
        response: { 200: jsonSchema(Health) },
      },
    },
    async () => ({
      status: 'ok',
      version: ctx.version,
      database: ctx.dialect,
      serverTime: Date.now(),
    }),
  );
  app.get(
    '/api/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Can this instance serve: the database and Redis answer (503 names what is down)',
        response: { 200: jsonSchema(Readiness), 503: jsonSchema(Readiness) },
      },
    },
    async (_request, reply) => {
      const readiness = await probe.check();
      return reply.status(readiness.ready ? 200 : 503).send(readiness);
    },
  );
}
