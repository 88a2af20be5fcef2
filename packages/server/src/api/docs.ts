/**
 * OpenAPI document (`/api/openapi.json`) and its interactive viewer (`/api/docs`).
 */
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { declarePublicScope } from '../auth/access.ts';

/** Registers the OpenAPI generator; call before the routes are added. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Helhet API',
        version,
        description:
          "Workspaces and system maps. A map's content is a collaborative Yjs document at the WebSocket endpoint /collab (document name = map id); see docs/map-document.md.",
        license: { name: 'MIT' },
      },
      components: {
        // Routes that take a capability token (e.g. a dialogue's facilitator link) name this
        // scheme in their `security`; @fastify/swagger needs it declared here.
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      tags: [
        { name: 'system', description: 'Health' },
        {
          name: 'access',
          description:
            'Accounts, sessions, members, invitations, share links and API tokens (docs/access.md). Send a personal API token as Authorization: Bearer hlt_…, or sign in for a session cookie; cookie-authenticated writes need X-CSRF-Token.',
        },
        { name: 'workspaces', description: 'Workspaces (processes with their maps)' },
        { name: 'maps', description: 'System maps, export and import' },
        {
          name: 'process',
          description:
            "A workspace's process: challenges, insight, innovation areas, portfolios and projects, kept in the collaborative document workspace:<workspace id> (see docs/workspace-document.md)",
        },
      ],
    },
  });
  // The API's description is public: it holds no data, and integrators read it first.
  await app.register(async (scope) => {
    declarePublicScope(scope);
    await scope.register(swaggerUi, { routePrefix: '/api/docs' });
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
