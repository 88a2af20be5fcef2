/**
 * HTTP API of a workspace's process: challenges, focus areas, insights, innovation areas,
 * portfolios and projects (list, create, change, delete), dot votes, coverage,
 * traceability, the portfolio network, and the whole workspace's export and import.
 *
 * Every change goes through the collaborative document (open pages see it at once) and is
 * validated first with the model's schemas plus reference checks; a bad request gets 400
 * naming every problem with its path, and nothing is stored.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addWorkspaceRecord,
  castDots,
  roleAtLeast,
  Challenge,
  countVotes,
  coverageMatrix,
  describeProblems,
  FocusArea,
  HelhetWorkspaceFile,
  InnovationArea,
  Insight,
  ModelInputError,
  newId,
  portfolioNetwork,
  Portfolio,
  processGaps,
  ProcessSettings,
  problemsFromZod,
  Project,
  RecordId,
  removeWorkspaceRecord,
  setProcessSettings,
  traceElement,
  traceProject,
  updateWorkspaceRecord,
  validate,
  WORKSPACE_COLLECTIONS,
  type InputProblem,
  type WorkspaceCollection,
} from '@helhet/model';
import type { ApiContext } from '../api/context.ts';
import { requireAuth, requireUser } from '../auth/access.ts';
import { setMembership, workspaceRole } from '../membership/memberships.ts';
import { ApiError, notFound, parseInput } from '../api/errors.ts';
import { errorResponses, IdParams, jsonSchema, WorkspaceRecord } from '../api/schemas.ts';
import { rawJsonBodies } from '../import-workers/import-routes.ts';
import { referenceProblems } from './references.ts';
import type { WorkspaceProcessService } from './service.ts';

/** URL segment of each collection. */
export const COLLECTION_PATHS: Record<Exclude<WorkspaceCollection, 'votes'>, string> = {
  challenges: 'challenges',
  focusAreas: 'focus-areas',
  insights: 'insights',
  innovationAreas: 'innovation-areas',
  portfolios: 'portfolios',
  projects: 'projects',
};

const RecordParams = z.object({ id: RecordId, recordId: RecordId });
const ElementParams = z.object({ id: RecordId, mapId: RecordId, elementId: RecordId });
const Body = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });
const VoteInput = z.strictObject({
  participantId: RecordId.optional().describe(
    "Whose dots: the signed-in person's when left out; only a facilitator may set another's",
  ),
  targetId: RecordId,
  dots: z.number().int().min(0).max(50),
});
const NetworkQuery = z.object({ portfolioId: RecordId.optional() });

/** Largest workspace import accepted. */
export const WORKSPACE_IMPORT_LIMIT = 50 * 1024 * 1024;

function invalid(what: string, problems: InputProblem[]): ApiError {
  return new ApiError(400, `Invalid ${what}:\n${describeProblems(problems)}`, problems);
}

/** Runs `fn`, turning validation errors thrown by the model into 400 answers. */
async function asInput<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof z.ZodError) throw invalid(what, problemsFromZod(error));
    if (error instanceof ApiError) throw error;
    if (error instanceof ModelInputError) throw invalid(what, error.problems);
    throw error;
  }
}

/** Registers the process routes. */
export function workspaceProcessRoutes(
  app: FastifyInstance,
  ctx: ApiContext,
  process: WorkspaceProcessService,
): void {
  const workspaceOr404 = async (rawParams: unknown) => {
    const { id } = parseInput(IdParams, rawParams, 'path');
    const workspace = await ctx.workspaces.get(id);
    if (!workspace) throw notFound('workspace', id);
    return workspace;
  };
  const tags = ['process'];

  // Deleting a workspace (api/workspaces.ts) removes its process document through the foreign
  // key; open process pages are disconnected here, as the map service does for maps.
  app.addHook('onResponse', async (request, reply) => {
    if (
      request.method === 'DELETE' &&
      request.routeOptions.url === '/api/workspaces/:id' &&
      reply.statusCode === 204
    ) {
      const id = (request.params as { id?: unknown }).id;
      if (typeof id === 'string') process.closeDeleted(id);
    }
  });
  const base = '/api/workspaces/:id/process';

  app.get(
    base,
    {
      config: { access: { workspace: 'viewer' } },
      schema: {
        tags,
        summary: "The workspace's whole process content, with the gaps of each step of the method",
        params: jsonSchema(IdParams),
        response: errorResponses,
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      const [{ content, problems }, maps] = await Promise.all([
        process.read(workspace.id),
        process.mapContexts(workspace.id),
      ]);
      return {
        content,
        problems,
        gaps: processGaps(content, maps),
        maps: maps.map((m) => ({ id: m.id, title: m.title, loops: m.loops })),
      };
    },
  );

  const schemas = {
    challenges: Challenge,
    focusAreas: FocusArea,
    insights: Insight,
    innovationAreas: InnovationArea,
    portfolios: Portfolio,
    projects: Project,
  };
  for (const [collection, path] of Object.entries(COLLECTION_PATHS) as [
    Exclude<WorkspaceCollection, 'votes'>,
    string,
  ][]) {
    const schema = WORKSPACE_COLLECTIONS[collection] as z.ZodType;
    const recordSchema = jsonSchema(schemas[collection]);
    const what = collection
      .replace(/s$/, '')
      .replace(/([A-Z])/g, ' $1')
      .toLowerCase();
    const check = async (workspaceId: string, record: Record<string, unknown>, keys: string[]) => {
      const [{ content }, maps] = await Promise.all([
        process.read(workspaceId),
        process.mapContexts(workspaceId),
      ]);
      const problems = referenceProblems(collection, record, content, maps, new Set(keys));
      if (problems.length > 0) throw invalid(what, problems);
      return content;
    };

    app.get(
      `${base}/${path}`,
      {
        config: { access: { workspace: 'viewer' } },
        schema: {
          tags,
          summary: `List ${what}s`,
          params: jsonSchema(IdParams),
          response: {
            200: jsonSchema(z.object({ records: z.array(schemas[collection]) })),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const workspace = await workspaceOr404(request.params);
        return { records: (await process.read(workspace.id)).content[collection] };
      },
    );

    app.post(
      `${base}/${path}`,
      {
        config: { access: { workspace: 'editor' } },
        schema: {
          tags,
          summary: `Create a ${what} (id optional)`,
          params: jsonSchema(IdParams),
          body: recordSchema,
          response: { 201: recordSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const workspace = await workspaceOr404(request.params);
        const body = parseInput(Body, request.body, what);
        const parsed = validate(schema, { id: newId(), ...body });
        if (!parsed.ok) throw invalid(what, parsed.problems);
        const record = parsed.value as Record<string, unknown> & { id: string };
        const content = await check(workspace.id, record, Object.keys(body));
        if (content[collection].some((r) => r.id === record.id))
          throw invalid(what, [{ path: 'id', message: `"${record.id}" exists already` }]);
        const created = await asInput(what, () =>
          process.edit(workspace.id, (doc) => addWorkspaceRecord(doc, collection, record, 'api')),
        );
        return reply.status(201).send(created);
      },
    );

    app.patch(
      `${base}/${path}/:recordId`,
      {
        config: { access: { workspace: 'editor' } },
        schema: {
          tags,
          summary: `Change a ${what} (only the properties given)`,
          params: jsonSchema(RecordParams),
          body: recordSchema,
          response: { 200: recordSchema, ...errorResponses },
        },
      },
      async (request) => {
        const workspace = await workspaceOr404(request.params);
        const { recordId } = parseInput(RecordParams, request.params, 'path');
        const body = parseInput(Body, request.body, what);
        const { content } = await process.read(workspace.id);
        const current = (content[collection] as { id: string }[]).find((r) => r.id === recordId);
        if (!current) throw notFound(what, recordId);
        const parsed = validate(schema, { ...current, ...body, id: recordId });
        if (!parsed.ok) throw invalid(what, parsed.problems);
        await check(workspace.id, parsed.value as Record<string, unknown>, Object.keys(body));
        const updated = await asInput(what, () =>
          process.edit(workspace.id, (doc) =>
            updateWorkspaceRecord(doc, collection, recordId, body, 'api'),
          ),
        );
        if (!updated) throw notFound(what, recordId);
        return updated;
      },
    );

    app.delete(
      `${base}/${path}/:recordId`,
      {
        config: { access: { workspace: 'editor' } },
        schema: {
          tags,
          summary: `Delete a ${what}`,
          params: jsonSchema(RecordParams),
          response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
        },
      },
      async (request, reply) => {
        const workspace = await workspaceOr404(request.params);
        const { recordId } = parseInput(RecordParams, request.params, 'path');
        const removed = await process.edit(workspace.id, (doc) =>
          removeWorkspaceRecord(doc, collection, recordId, 'api'),
        );
        if (!removed) throw notFound(what, recordId);
        return reply.status(204).send();
      },
    );
  }

  app.patch(
    `${base}/settings`,
    {
      config: { access: { workspace: 'editor' } },
      schema: {
        tags,
        summary: 'Change the process settings (dots per participant)',
        params: jsonSchema(IdParams),
        body: jsonSchema(ProcessSettings.partial()),
        response: { 200: jsonSchema(ProcessSettings), ...errorResponses },
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      const patch = parseInput(ProcessSettings.partial().strict(), request.body, 'settings');
      return asInput('settings', () =>
        process.edit(workspace.id, (doc) => setProcessSettings(doc, patch, 'api')),
      );
    },
  );

  app.get(
    `${base}/votes`,
    {
      config: { access: { workspace: 'viewer' } },
      schema: {
        tags,
        summary:
          'Results of the dot vote: dots per target, each participant counted up to the budget',
        params: jsonSchema(IdParams),
        response: errorResponses,
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      const { content } = await process.read(workspace.id);
      const count = countVotes(content.votes, content.settings.dotsPerParticipant);
      return {
        dotsPerParticipant: content.settings.dotsPerParticipant,
        participants: count.usedByParticipant.size,
        tallies: count.tallies,
        overBudget: count.overBudget,
      };
    },
  );

  app.put(
    `${base}/votes`,
    {
      config: { access: { workspace: 'editor' } },
      schema: {
        tags,
        summary: "Set a participant's dots on a focus area or innovation area (0 removes them)",
        params: jsonSchema(IdParams),
        body: jsonSchema(VoteInput),
        response: errorResponses,
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      const vote = parseInput(VoteInput, request.body, 'vote');
      // Dots are the signed-in person's; a facilitator may record another's (paper dots from
      // a workshop), nobody else may (the server, not the client, says who is voting).
      const { principal } = requireAuth(request);
      const participantId = vote.participantId ?? principal.id;
      if (participantId !== principal.id) {
        const role = await workspaceRole(ctx.db, principal, workspace.id);
        if (!role || !roleAtLeast(role, 'facilitator'))
          throw new ApiError(403, "Only a facilitator may set another participant's dots", [], {
            code: 'forbidden',
          });
      }
      const { content } = await process.read(workspace.id);
      const targets = [...content.focusAreas, ...content.innovationAreas];
      if (!targets.some((t) => t.id === vote.targetId))
        throw invalid('vote', [
          { path: 'targetId', message: `unknown focus area or innovation area "${vote.targetId}"` },
        ]);
      const stored = await asInput('vote', () =>
        process.edit(workspace.id, (doc) =>
          castDots(doc, participantId, vote.targetId, vote.dots, 'api'),
        ),
      );
      return { vote: stored };
    },
  );

  app.get(
    `${base}/coverage`,
    {
      config: { access: { workspace: 'viewer' } },
      schema: {
        tags,
        summary:
          'Coverage matrix: innovation areas and kept loops × projects, with what no project addresses',
        params: jsonSchema(IdParams),
        response: errorResponses,
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      const [{ content }, maps] = await Promise.all([
        process.read(workspace.id),
        process.mapContexts(workspace.id),
      ]);
      return coverageMatrix(content, maps);
    },
  );

  app.get(
    `${base}/traceability/projects/:recordId`,
    {
      config: { access: { workspace: 'viewer' } },
      schema: {
        tags,
        summary: 'From a project to its innovation areas, loops, elements and insight',
        params: jsonSchema(RecordParams),
        response: errorResponses,
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      const { recordId } = parseInput(RecordParams, request.params, 'path');
      const [{ content }, maps] = await Promise.all([
        process.read(workspace.id),
        process.mapContexts(workspace.id),
      ]);
      const trace = traceProject(content, maps, recordId);
      if (!trace) throw notFound('project', recordId);
      return trace;
    },
  );

  app.get(
    `${base}/traceability/elements/:mapId/:elementId`,
    {
      config: { access: { workspace: 'viewer' } },
      schema: {
        tags,
        summary: 'From an element of a map to the projects that address it, and its evidence',
        params: jsonSchema(ElementParams),
        response: errorResponses,
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      const { mapId, elementId } = parseInput(ElementParams, request.params, 'path');
      const [{ content }, maps] = await Promise.all([
        process.read(workspace.id),
        process.mapContexts(workspace.id),
      ]);
      if (!maps.some((m) => m.id === mapId)) throw notFound('map', mapId);
      return traceElement(content, maps, mapId, elementId);
    },
  );

  app.get(
    `${base}/network`,
    {
      config: { access: { workspace: 'viewer' } },
      schema: {
        tags,
        summary: 'The project network (reinforces / depends on) with its reinforcing loops',
        params: jsonSchema(IdParams),
        querystring: jsonSchema(NetworkQuery),
        response: errorResponses,
      },
    },
    async (request) => {
      const workspace = await workspaceOr404(request.params);
      const { portfolioId } = parseInput(NetworkQuery, request.query, 'query');
      const { content } = await process.read(workspace.id);
      const projects = portfolioId
        ? content.projects.filter((p) => p.portfolioId === portfolioId)
        : content.projects;
      return portfolioNetwork(projects);
    },
  );

  app.get(
    '/api/workspaces/:id/export',
    {
      config: { access: { workspace: 'viewer' }, audit: 'workspace-exported' },
      schema: {
        tags: ['workspaces'],
        summary: 'Export the whole workspace (maps and process) as one helhet-workspace file',
        params: jsonSchema(IdParams),
        response: { 200: jsonSchema(HelhetWorkspaceFile), ...errorResponses },
      },
    },
    async (request, reply) => {
      const workspace = await workspaceOr404(request.params);
      const file = await process.exportFile(workspace);
      const fileName = `${workspace.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'arbeidsrom'}.helhet-workspace.json`;
      return reply
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(file);
    },
  );

  // The import's body stays raw bytes here: an import worker parses, validates and encodes it.
  app.register(async (scope) => {
    rawJsonBodies(scope, WORKSPACE_IMPORT_LIMIT);
    scope.post(
      '/api/workspaces/import',
      {
        config: { access: 'account', audit: 'workspace-imported' },
        bodyLimit: WORKSPACE_IMPORT_LIMIT,
        ...ctx.imports.hooks(),
        schema: {
          tags: ['workspaces'],
          summary: 'Import a helhet-workspace file as a new workspace',
          description:
            'All or nothing: the whole file is validated first (every problem named with its path), then the workspace, its maps and its process are stored in one transaction. Each client may import 10 files a minute, 2 at a time (429 with Retry-After beyond that).',
          body: jsonSchema(HelhetWorkspaceFile),
          response: { 201: jsonSchema(WorkspaceRecord), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { principal } = requireUser(request);
        const file = await ctx.imports.run('workspace', request.body);
        const workspace = await process.importEncoded(file);
        // The importer owns the new workspace, as when creating one.
        await setMembership(ctx.db, workspace.id, principal.id, 'owner');
        return reply.status(201).send(workspace);
      },
    );
  });
}
