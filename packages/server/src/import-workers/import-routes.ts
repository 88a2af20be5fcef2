/**
 * What the two import routes share: the body kept as raw bytes (parsed on an import worker,
 * not by Fastify on the event loop), the per-client limits checked before the body is read,
 * and the worker's outcome turned into the API's answers (400 naming every problem; 500 with
 * the reason when a worker failed; 503 when too many imports wait).
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { ApiError } from '../api/errors.ts';
import { clientKey, ImportLimiter } from '../rate-limit/import-limits.ts';
import type { EncodedMapImport, EncodedWorkspaceImport, ImportKind } from './import-job.ts';
import { ImportPool, ImportQueueFullError, ImportWorkerError } from './import-pool.ts';

/** Runs imports: admission per client, then parsing and encoding on the worker pool. */
export class ImportRunner {
  readonly pool: ImportPool;
  readonly limiter: ImportLimiter;
  readonly #admitted = new WeakMap<FastifyRequest, () => void>();

  constructor(pool: ImportPool = new ImportPool(), limiter: ImportLimiter = new ImportLimiter()) {
    this.pool = pool;
    this.limiter = limiter;
  }

  /**
   * Route hooks that admit the request before its body is read (a refused client does not
   * get to upload 50 MB first) and end its admission when it has been answered or aborted.
   */
  hooks(): Pick<RouteShorthandOptions, 'onRequest' | 'onResponse' | 'onRequestAbort'> {
    const end = async (request: FastifyRequest) => {
      this.#admitted.get(request)?.();
      this.#admitted.delete(request);
    };
    return {
      onRequest: async (request) => {
        this.#admitted.set(request, await this.limiter.admit(clientKey(request)));
      },
      onResponse: end,
      onRequestAbort: end,
    };
  }

  /** Parses, validates and encodes a body on a worker; throws the API's answer when it can't. */
  async run(kind: 'map', body: unknown): Promise<EncodedMapImport>;
  async run(kind: 'workspace', body: unknown): Promise<EncodedWorkspaceImport>;
  async run(kind: ImportKind, body: unknown): Promise<EncodedMapImport | EncodedWorkspaceImport> {
    if (!(body instanceof Uint8Array))
      throw new ApiError(415, 'Send the file as JSON (content-type: application/json)');
    try {
      const outcome = await this.pool.run(kind, body);
      if (!outcome.ok) throw new ApiError(400, outcome.message, outcome.problems);
      return outcome;
    } catch (error) {
      if (error instanceof ImportQueueFullError)
        throw new ApiError(503, error.message, [], {
          code: 'busy',
          headers: { 'retry-after': '5' },
        });
      if (error instanceof ImportWorkerError) throw new ApiError(500, error.message);
      throw error;
    }
  }
}

/** Bytes of an oversized body read and dropped, beyond the limit, before the socket is cut. */
const DRAIN_BEYOND_LIMIT = 64 * 1024 * 1024;

function tooLarge(limit: number): ApiError {
  return new ApiError(
    413,
    `The file is too large: at most ${Math.round(limit / (1024 * 1024))} MB can be imported`,
    [],
    { code: 'too-large' },
  );
}

/**
 * Reads a body into one buffer of its own (movable to a worker without a copy) up to
 * `limit` bytes. A larger body is read to its end and dropped before the 413 is sent:
 * answering while the client still uploads makes the closed connection reach it as a reset
 * (EPIPE) instead of the answer. Past `limit + DRAIN_BEYOND_LIMIT` the upload is cut.
 */
export function readBody(stream: Readable, declaredLength: number, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sized =
      Number.isInteger(declaredLength) && declaredLength >= 0 && declaredLength <= limit;
    let buffer: Buffer | null = sized ? Buffer.allocUnsafeSlow(declaredLength) : null;
    const chunks: Buffer[] = [];
    let received = 0;
    stream.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        buffer = null;
        chunks.length = 0;
        if (received > limit + DRAIN_BEYOND_LIMIT) {
          stream.destroy();
          reject(tooLarge(limit));
        }
        return;
      }
      if (buffer && received <= buffer.length) chunk.copy(buffer, received - chunk.length);
      else chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => {
      if (received > limit) return reject(tooLarge(limit));
      if (buffer && received === buffer.length && chunks.length === 0) return resolve(buffer);
      if (Number.isInteger(declaredLength) && declaredLength !== received && sized)
        return reject(new ApiError(400, 'The body is shorter or longer than its content-length'));
      // No (or a wrong) content-length: gather into one buffer of its own.
      const whole = Buffer.allocUnsafeSlow(received);
      let at = 0;
      if (buffer) at += buffer.copy(whole, 0, 0, Math.min(buffer.length, received));
      for (const c of chunks) at += c.copy(whole, at);
      resolve(whole);
    });
  });
}

/**
 * Keeps JSON bodies of the routes registered in `scope` as raw bytes up to `limit` (larger
 * ones answer 413), so they can be moved to a worker unparsed.
 */
export function rawJsonBodies(scope: FastifyInstance, limit: number): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser(
    'application/json',
    { bodyLimit: limit },
    (request: FastifyRequest, payload: Readable) =>
      readBody(payload, Number(request.headers['content-length'] ?? Number.NaN), limit),
  );
}
