/** `GET /api/health`: liveness, version and which database is in use. */
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './context.ts';
import { Health, jsonSchema } from './schemas.ts';

/** Registers the health route. */
export function healthRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Is the server up, which version, which database',
        response: { 200: jsonSchema(Health) },
      },
    },
    async () => ({ status: 'ok', version: ctx.version, database: ctx.dialect }),
  );
}
