/**
 * What the two import routes share: the body kept as raw bytes (parsed on an import worker,
 * not by Fastify on the event loop), the per-client limits checked before the body is read,
 * and the worker's outcome turned into the API's answers (400 naming every problem; 500 with
 * the reason when a worker failed; 503 when too many imports wait).
 */
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
        this.#admitted.set(request, this.limiter.admit(clientKey(request)));
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

/**
 * Keeps JSON bodies of the routes registered in `scope` as raw bytes up to `limit` (larger
 * ones answer 413), so they can be moved to a worker unparsed.
 */
export function rawJsonBodies(scope: FastifyInstance, limit: number): void {
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: limit },
    (_request, body, done) => done(null, body),
  );
}
