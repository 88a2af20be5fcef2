/** Workspace routes: list, create, read, rename, delete; and the maps of a workspace. */
import type { FastifyInstance } from 'fastify';
import { requireAuth, requireUser } from '../auth/access.ts';
import { setMembership, workspaceIdsOf, workspaceRole } from '../membership/memberships.ts';
import type { ApiContext } from './context.ts';
import { notFound, parseInput } from './errors.ts';
import {
  errorResponses,
  IdParams,
  jsonSchema,
  NewMapInput,
  MapList,
  MapRecord,
  WorkspaceInput,
  WorkspaceList,
  WorkspaceRead,
  WorkspaceRecord,
} from './schemas.ts';

const params = jsonSchema(IdParams);

/** Registers the workspace routes. */
export function workspaceRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const workspaceOr404 = async (rawParams: unknown) => {
    const { id } = parseInput(IdParams, rawParams, 'path');
    const workspace = await ctx.workspaces.get(id);
    if (!workspace) throw notFound('workspace', id);
    return workspace;
  };

  app.get(
    '/api/workspaces',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['workspaces'],
        summary: 'List workspaces',
        response: { 200: jsonSchema(WorkspaceList) },
      },
    },
    async (request) => {
      const { principal } = requireAuth(request);
      const all = await ctx.workspaces.list();
      // A person sees only the workspaces they belong to; an administrator sees all.
      if (principal.kind === 'guest')
        return { workspaces: all.filter((w) => w.id === principal.workspaceId) };
      if (principal.admin) return { workspaces: all };
      const mine = new Set(await workspaceIdsOf(ctx.db, principal.id));
      return { workspaces: all.filter((w) => mine.has(w.id)) };
    },
  );

  app.post(
    '/api/workspaces',
    {
      config: { access: 'account' },
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace',
        body: jsonSchema(WorkspaceInput),
        response: { 201: jsonSchema(WorkspaceRecord), 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      const { name } = parseInput(WorkspaceInput, request.body, 'workspace');
      const created = await ctx.db.transaction().execute(async (trx) => {
        const workspace = await ctx.workspaces.create(name, trx);
        await setMembership(trx, workspace.id, principal.id, 'owner');
        return workspace;
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/workspaces/:id',
    {
      config: { access: { workspace: 'viewer' } },
      schema: {
        tags: ['workspaces'],
        summary: "Read a workspace, with the reader's own role in it",
        params,
        response: { 200: jsonSchema(WorkspaceRead), ...errorResponses },
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      const role = await workspaceRole(ctx.db, requireAuth(request).principal, workspace.id);
      // The access hook let the request through, so a role exists.
      return { ...workspace, role: role ?? 'viewer' };
    },
  );

  app.patch(
    '/api/workspaces/:id',
    {
      config: { access: { workspace: 'owner' } },
      schema: {
        tags: ['workspaces'],
        summary: 'Rename a workspace',
        params,
        body: jsonSchema(WorkspaceInput),
        response: { 200: jsonSchema(WorkspaceRecord), ...errorResponses },
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      const { name } = parseInput(WorkspaceInput, request.body, 'workspace');
      return ctx.workspaces.rename(workspace.id, name);
    },
  );

  app.delete(
    '/api/workspaces/:id',
    {
      config: { access: { workspace: 'owner' } },
      schema: {
        tags: ['workspaces'],
        summary: 'Delete a workspace with all its maps',
        params,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const workspace = await workspaceOr404(request.params);
      for (const map of await ctx.maps.listByWorkspace(workspace.id))
        await ctx.mapService.delete(map.id);
      await ctx.workspaces.delete(workspace.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/workspaces/:id/maps',
    {
      config: { access: { workspace: 'viewer' } },
      schema: {
        tags: ['maps'],
        summary: 'List the maps of a workspace',
        params,
        response: { 200: jsonSchema(MapList), ...errorResponses },
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      return { maps: await ctx.maps.listByWorkspace(workspace.id) };
    },
  );

  app.post(
    '/api/workspaces/:id/maps',
    {
      config: { access: { workspace: 'editor' } },
      schema: {
        tags: ['maps'],
        summary:
          'Create a map from a template (default: the gigamap with life-line and four fields)',
        params,
        body: jsonSchema(NewMapInput),
        response: { 201: jsonSchema(MapRecord), ...errorResponses },
      },
    },
    async (request, reply) => {
      const workspace = await workspaceOr404(request.params);
      const { title, template } = parseInput(NewMapInput, request.body, 'map');
      return reply.status(201).send(await ctx.mapService.create(workspace.id, title, template));
    },
  );
}
