/**
 * Request and response schemas of the API: the HTTP contract in `@helhet/model` (`http/`),
 * which the web client validates responses with too. zod validates every request; the same
 * schemas are converted to JSON Schema for the OpenAPI document (`z.toJSONSchema`).
 */
import { z } from 'zod';
import { ErrorBody } from '@helhet/model';

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
  409: {
    description: 'Refused in the current state (the code says why)',
    ...jsonSchema(ErrorBody),
  },
};

/** The denials of authorised routes (`docs/access.md`), for the OpenAPI document. */
export const accessDenials = {
  401: { ...jsonSchema(ErrorBody), description: 'Not signed in' },
  403: {
    ...jsonSchema(ErrorBody),
    description: 'Signed in, but not allowed (or CSRF check failed)',
  },
  409: { ...jsonSchema(ErrorBody), description: 'Conflicts with the current state' },
  429: { ...jsonSchema(ErrorBody), description: 'Too many attempts: wait Retry-After seconds' },
};

export {
  DocumentDamage,
  ErrorBody,
  Health,
  Readiness,
  HelhetMapFile,
  IdParams,
  MapInput,
  MapList,
  MapRead,
  MapRecord,
  NewMapInput,
  WorkspaceInput,
  WorkspaceList,
  WorkspaceRead,
  WorkspaceRecord,
} from '@helhet/model';
