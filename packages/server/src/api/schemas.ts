/**
 * Request and response schemas of the API. zod validates every request; the same schemas
 * are converted to JSON Schema for the OpenAPI document (`z.toJSONSchema`).
 */
import { z } from 'zod';
import { HelhetMapFile, RecordId } from '@helhet/model';
import { MapRecord, WorkspaceRecord } from '../stores/records.ts';
import { ErrorBody } from './errors.ts';

const Name = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** Body of POST/PATCH /api/workspaces. */
export const WorkspaceInput = z.strictObject({ name: Name(200) });
/** Body of POST /api/workspaces/:id/maps and PATCH /api/maps/:id. */
export const MapInput = z.strictObject({ title: Name(200) });
/** Path parameters with a record id. */
export const IdParams = z.object({ id: RecordId });

/** Response of GET /api/health. */
export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
});

/**
 * Set on a map read when its stored document cannot be opened whole and opens at its last
 * good state instead (`documents/assemble.ts`): what was left out, which stays stored for
 * recovery. Absent when the document opens whole.
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

/** Response of GET /api/maps/:id: the record, and `damage` when its document is damaged. */
export const MapRead = MapRecord.extend({ damage: DocumentDamage.optional() });

/** List responses wrap the array, so fields can be added later without breaking clients. */
export const WorkspaceList = z.object({ workspaces: z.array(WorkspaceRecord) });
/** See {@link WorkspaceList}. */
export const MapList = z.object({ maps: z.array(MapRecord) });

/** Converts a zod schema to JSON Schema for the OpenAPI document (OpenAPI 3.0 dialect). */
export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
}

/** Common error responses for the OpenAPI document. */
export const errorResponses = {
  400: {
    description: 'Invalid input: every problem is named with its path',
    ...jsonSchema(ErrorBody),
  },
  404: { description: 'Not found', ...jsonSchema(ErrorBody) },
};

export { HelhetMapFile, MapRecord, WorkspaceRecord };
