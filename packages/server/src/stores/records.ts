/**
 * The records the stores hand out and the API returns (camelCase, ISO timestamps); their
 * schemas are part of the HTTP contract in `@helhet/model`.
 */
import { MapRecord, WorkspaceRecord } from '@helhet/model';

export { MapRecord, WorkspaceRecord };

/** Now as an ISO 8601 string (the format every timestamp column uses). */
export function now(): string {
  return new Date().toISOString();
}
