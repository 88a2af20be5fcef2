/**
 * Error responses of the API, always shaped `{ error: { message, problems: [{ path, message }] } }`
 * so a client can show the message and mark each named field.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeProblems, ErrorBody, validate, type InputProblem } from '@helhet/model';

/** What an error may add to its answer besides the message and the problems. */
export interface ApiErrorOptions {
  /** A stable code a client can translate (e.g. `rate-limited`), beside the English message. */
  readonly code?: string;
  /** Headers of the answer (e.g. `Retry-After`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** An error with the HTTP status to answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly problems: InputProblem[];
  readonly code: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  constructor(
    status: number,
    message: string,
    problems: InputProblem[] = [],
    options: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problems = problems;
    this.code = options.code;
    this.headers = options.headers ?? {};
  }
}

/** The error body (for the OpenAPI document); part of the HTTP contract in `@helhet/model`. */
export { ErrorBody };

/** 404 for a record that does not exist. */
export function notFound(kind: string, id: string): ApiError {
  return new ApiError(404, `${kind} "${id}" not found`);
}

/**
 * Validates `input` against `schema`, or throws a 400 naming every problem with its path
 * (e.g. `elements[3].label: must not be empty`).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> {
  const result = validate(schema, input);
  if (result.ok) return result.value;
  throw new ApiError(
    400,
    `Invalid ${what}:\n${describeProblems(result.problems)}`,
    result.problems,
  );
}

/** Installs the error and not-found handlers that answer in the shape above. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      const { message, code, problems } = error;
      return reply
        .status(error.status)
        .headers(error.headers)
        .send({ error: code ? { message, code, problems } : { message, problems } });
    }
    // Fastify's own client errors: malformed JSON, wrong content type, body too large.
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) {
      // The same code as the body-limit hook's answer, should Fastify refuse a body itself.
      const body = { message: error.message, code: 'too-large', problems: [] };
      return reply.status(413).send({ error: body });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { message: error.message, problems: [] } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { message: 'Internal server error', problems: [] } });
  });
}
