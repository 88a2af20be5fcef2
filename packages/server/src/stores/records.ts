/**
 * The records the stores hand out and the API returns (camelCase, ISO timestamps).
 */
import { z } from 'zod';
import { RecordId } from '@helhet/model';

/** A workspace as the API shows it. */
export const WorkspaceRecord = z.object({
  id: RecordId,
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** See {@link WorkspaceRecord}. */
export type WorkspaceRecord = z.infer<typeof WorkspaceRecord>;

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

/** Now as an ISO 8601 string (the format every timestamp column uses). */
export function now(): string {
  return new Date().toISOString();
}
