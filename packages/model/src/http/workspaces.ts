/**
 * Request and response bodies of the workspace and map routes (`/api/workspaces`, `/api/maps`)
 * and of `/api/health`. The server validates requests and documents responses with them
 * (OpenAPI); the web client validates every response with the same schemas.
 */
import { z } from 'zod';
import { RecordId } from '../map/schema.ts';

const Name = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** A workspace as the API shows it. */
export const WorkspaceRecord = z.object({
  id: RecordId,
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** See {@link WorkspaceRecord}. */
export type WorkspaceRecord = z.infer<typeof WorkspaceRecord>;

/**
 * Response of GET /api/workspaces/:id: the record and the reader's own role in it, so a page
 * shows only what that role may do (the server refuses the rest anyway).
 */
export const WorkspaceRead = WorkspaceRecord.extend({
  role: z
    .enum(['owner', 'facilitator', 'editor', 'commenter', 'viewer'])
    .describe("The signed-in principal's role in this workspace"),
});

/** A map's record as the API shows it; the content is the collaborative document `id`. */
export const MapRecord = z.object({
  id: RecordId,
  workspaceId: RecordId,
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** See {@link MapRecord}. */
export type MapRecord = z.infer<typeof MapRecord>;

/**
 * Set on a map read when its stored document cannot be opened whole and opens at its last
 * good state instead: what was left out, which stays stored for recovery. Absent when the
 * document opens whole.
 */
export const DocumentDamage = z
  .object({
    skippedUpdates: z.number().int().describe('Stored updates left out'),
    snapshotUnreadable: z
      .boolean()
      .describe('The compacted snapshot itself was left out (the document starts empty)'),
    since: z.string().describe('When the earliest part left out was stored (ISO 8601)'),
  })
  .describe("What the map's document leaves out when it opens at its last good state");
/** See {@link DocumentDamage}. */
export type DocumentDamage = z.infer<typeof DocumentDamage>;

/** Response of GET /api/maps/:id: the record, and `damage` when its document is damaged. */
export const MapRead = MapRecord.extend({ damage: DocumentDamage.optional() });

/** Body of POST/PATCH /api/workspaces. */
export const WorkspaceInput = z.strictObject({ name: Name(200) });
/** Body of PATCH /api/maps/:id. */
export const MapInput = z.strictObject({ title: Name(200) });

/**
 * The templates a new map starts from: the gigamap with the life-line and the method's four
 * fields (the default), a plain causal diagram for loops, an actor map, and the iceberg model
 * (events, patterns, structures, mental models as fields).
 */
export const MAP_TEMPLATES = ['gigamap', 'causal-loop', 'actors', 'iceberg'] as const;
/** See {@link MAP_TEMPLATES}. */
export const MapTemplateId = z.enum(MAP_TEMPLATES);
/** See {@link MAP_TEMPLATES}. */
export type MapTemplateId = z.infer<typeof MapTemplateId>;

/** Body of POST /api/workspaces/:id/maps: the title, and the template (the gigamap if none). */
export const NewMapInput = z.strictObject({
  title: Name(200),
  template: MapTemplateId.default('gigamap'),
});
/** Path parameters with a record id. */
export const IdParams = z.object({ id: RecordId });

/** List responses wrap the array, so fields can be added later without breaking clients. */
export const WorkspaceList = z.object({ workspaces: z.array(WorkspaceRecord) });
/** See {@link WorkspaceList}. */
export const MapList = z.object({ maps: z.array(MapRecord) });

/** Response of GET /api/health. */
export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  /** The server's clock (ms since the epoch), for clients to measure their offset to it. */
  serverTime: z.number().int(),
});

/** One dependency in {@link Readiness}: up, or down with the reason. */
export const DependencyState = z.object({ ok: z.boolean(), error: z.string().optional() });

/**
 * Response of GET /api/ready (200 when `ready`, 503 otherwise): the database answers a
 * query and Redis, when configured, a PING.
 */
export const Readiness = z.object({
  ready: z.boolean(),
  checks: z.object({ database: DependencyState, redis: DependencyState.optional() }),
});
