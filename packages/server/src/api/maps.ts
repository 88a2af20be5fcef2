/** Map routes: read, rename, delete, export and import in the native `helhet-map` format. */
import type { FastifyInstance } from 'fastify';
import { roleAtLeast, toMapFile } from '@helhet/model';
import { rawJsonBodies } from '../import-workers/import-routes.ts';
import type { ApiContext } from './context.ts';
import { ApiError, notFound, parseInput } from './errors.ts';
import {
  errorResponses,
  HelhetMapFile,
  IdParams,
  jsonSchema,
  MapInput,
  MapRead,
  MapRecord,
} from './schemas.ts';

const params = jsonSchema(IdParams);

/** Largest import accepted: a map at the format's record limits stays below this. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

/** Registers the map routes. */
export function mapRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const mapOr404 = async (rawParams: unknown) => {
    const { id } = parseInput(IdParams, rawParams, 'path');
    const map = await ctx.maps.get(id);
    if (!map) throw notFound('map', id);
    return map;
  };

  app.get(
    '/api/maps/:id',
    {
      config: { access: { workspace: 'viewer', from: 'map' } },
      schema: {
        tags: ['maps'],
        summary: "Read a map's record (its content is the collaborative document)",
        description:
          '`damage` is set when the stored document cannot be opened whole and opens at its last good state.',
        params,
        response: { 200: jsonSchema(MapRead), ...errorResponses },
      },
    },
    async (request) => {
      const map = await mapOr404(request.params);
      const damage = await ctx.mapService.damage(map.id);
      if (!damage) return map;
      const { skippedSeqs, snapshotUnreadable, since } = damage;
      return { ...map, damage: { skippedUpdates: skippedSeqs.length, snapshotUnreadable, since } };
    },
  );

  app.patch(
    '/api/maps/:id',
    {
      config: { access: { workspace: 'editor', from: 'map' } },
      schema: {
        tags: ['maps'],
        summary: 'Rename a map (open canvases see the new title at once)',
        params,
        body: jsonSchema(MapInput),
        response: { 200: jsonSchema(MapRecord), ...errorResponses },
      },
    },
    async (request) => {
      const map = await mapOr404(request.params);
      const { title } = parseInput(MapInput, request.body, 'map');
      // The facilitator's lock binds the API as it binds the live document.
      const lock = (await ctx.mapService.facilitation(map.id))?.mapLock;
      if (lock && !roleAtLeast(request.workspaceRole ?? 'viewer', 'facilitator'))
        throw new ApiError(409, 'The map is locked by the facilitator', [], { code: 'map-locked' });
      const renamed = await ctx.mapService.rename(map.id, title);
      if (!renamed) throw notFound('map', map.id);
      return renamed;
    },
  );

  app.delete(
    '/api/maps/:id',
    {
      config: { access: { workspace: 'editor', from: 'map' } },
      schema: {
        tags: ['maps'],
        summary: 'Delete a map and its document',
        params,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const map = await mapOr404(request.params);
      await ctx.mapService.delete(map.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/maps/:id/export',
    {
      config: { access: { workspace: 'viewer', from: 'map' }, audit: 'map-exported' },
      schema: {
        tags: ['maps'],
        summary: 'Export a map in the native format (helhet-map, version 1)',
        params,
        response: { 200: jsonSchema(HelhetMapFile), ...errorResponses },
      },
    },
    async (request, reply) => {
      const map = await mapOr404(request.params);
      const content = await ctx.mapService.read(map.id);
      if (!content) throw notFound('map', map.id);
      const fileName = `${map.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'kart'}.helhet.json`;
      return reply
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(toMapFile(content.map));
    },
  );

  // The import's body stays raw bytes here: an import worker parses, validates and encodes it.
  app.register(async (scope) => {
    rawJsonBodies(scope, IMPORT_BODY_LIMIT);
    scope.post(
      '/api/workspaces/:id/maps/import',
      {
        config: { access: { workspace: 'editor' }, audit: 'map-imported' },
        bodyLimit: IMPORT_BODY_LIMIT,
        ...ctx.imports.hooks(),
        schema: {
          tags: ['maps'],
          summary: 'Import a map in the native format as a new map of the workspace',
          description:
            'The whole file is validated first; when anything is wrong the answer is 400 naming every problem, and nothing is stored. Each client may import 10 files a minute, 2 at a time (429 with Retry-After beyond that).',
          params,
          body: jsonSchema(HelhetMapFile),
          response: { 201: jsonSchema(MapRecord), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { id } = parseInput(IdParams, request.params, 'path');
        const workspace = await ctx.workspaces.get(id);
        if (!workspace) throw notFound('workspace', id);
        const { map } = await ctx.imports.run('map', request.body);
        return reply
          .status(201)
          .send(
            await ctx.mapService.createFromEncoded(workspace.id, map.title, map.state, map.depth),
          );
      },
    );
  });
}
