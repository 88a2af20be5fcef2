/**
 * The demography data of the Fremtid 2040 pages, which run the projection engine in the
 * browser (a Web Worker):
 * - `GET /api/fremtid/regions/:code`: a region extract (`extractRegion` in
 *   `@helhet/demografi`), the observed population of one municipality, county or the whole
 *   country (`0`) with the rates the server estimated once from the snapshot. A page
 *   projects its region from ~20 KB instead of downloading the 1.4 MB snapshot and
 *   estimating every rate first; the country's extract serves comparisons and the map.
 * - `GET /api/fremtid/snapshot` and `GET /api/fremtid/kommuner.topojson`: the committed
 *   snapshot itself and the municipality boundaries.
 * Everything is sent gzip'd, with a strong ETag from the bytes' SHA-1 so a returning visitor
 * revalidates with a 304 instead of downloading again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../api/errors.ts';
import { errorResponses, jsonSchema } from '../api/schemas.ts';
import type { BuilderAnswer, BuilderData } from './extract-builder.ts';

/** Folder of the committed snapshot files (`packages/demografi/snapshot`). */
export const SNAPSHOT_DIR = fileURLToPath(new URL('../../../demografi/snapshot/', import.meta.url));

/** One file held in memory, gzip'd, with its ETag. */
interface CachedFile {
  readonly gzip: Buffer;
  readonly etag: string;
}

function cached(gzipped: Buffer): CachedFile {
  return { gzip: gzipped, etag: `"${createHash('sha1').update(gzipped).digest('hex')}"` };
}

function loadFile(path: string, alreadyGzipped: boolean): CachedFile {
  const raw = readFileSync(path);
  return cached(alreadyGzipped ? raw : gzipSync(raw, { level: 9 }));
}

/** Reads a file once, on first request, so a server without the files still starts. */
function lazyFile(path: string, alreadyGzipped: boolean): () => CachedFile {
  let cached: CachedFile | null = null;
  return () => {
    if (cached) return cached;
    try {
      cached = loadFile(path, alreadyGzipped);
    } catch (e) {
      throw new ApiError(
        503,
        `the demography data is missing on the server (${path}: ${(e as Error).message}); run "helhet data build" and "helhet data geo"`,
      );
    }
    return cached;
  };
}

/**
 * Region extracts, built by a worker thread (`extract-builder.ts`) on first request and
 * kept for the server's life (at most every municipality, county and the country: ~10 MB).
 */
class RegionExtracts {
  private readonly snapshotPath: string;
  private readonly files = new Map<string, Promise<CachedFile>>();
  private readonly waiting = new Map<string, ((answer: BuilderAnswer) => void)[]>();
  private builder: Worker | null = null;

  constructor(snapshotPath: string) {
    this.snapshotPath = snapshotPath;
  }

  private thread(): Worker {
    if (this.builder) return this.builder;
    const data: BuilderData = { snapshotPath: this.snapshotPath };
    const builder = new Worker(new URL('./extract-builder.ts', import.meta.url), {
      workerData: data,
    });
    builder.unref(); // never what keeps the process alive
    builder.on('message', (answer: BuilderAnswer) => {
      const waiters = this.waiting.get(answer.code) ?? [];
      this.waiting.delete(answer.code);
      for (const w of waiters) w(answer);
    });
    const fail = (message: string) => {
      if (this.builder === builder) this.builder = null;
      for (const [code, waiters] of this.waiting)
        for (const w of waiters) w({ code, status: 503, message });
      this.waiting.clear();
    };
    builder.on('error', (e) => fail(`the region extracts could not be built: ${e.message}`));
    builder.on('exit', () => fail('the region extract builder stopped'));
    this.builder = builder;
    return builder;
  }

  /** The gzip'd extract of region `code` (404 for a number that is no region). */
  get(code: string): Promise<CachedFile> {
    let file = this.files.get(code);
    if (file) return file;
    file = new Promise<BuilderAnswer>((resolve) => {
      const waiters = this.waiting.get(code);
      if (waiters) waiters.push(resolve);
      else {
        this.waiting.set(code, [resolve]);
        this.thread().postMessage(code);
      }
    }).then((answer) => {
      if ('status' in answer) throw new ApiError(answer.status, answer.message);
      return cached(Buffer.from(answer.gzip.buffer, answer.gzip.byteOffset, answer.gzip.length));
    });
    file.catch(() => this.files.delete(code));
    this.files.set(code, file);
    return file;
  }

  /** Builds the country's extract now (and so the estimates every extract needs). */
  warm(): void {
    void this.get('0').catch(() => {}); // missing data: the route answers 503 with the reason
  }

  /** Stops the builder thread. */
  async close(): Promise<void> {
    const builder = this.builder;
    this.builder = null;
    await builder?.terminate();
  }
}

function send(request: FastifyRequest, reply: FastifyReply, file: CachedFile, type: string) {
  // Revalidate every time (cheap: a 304 without body), so after a snapshot is rebuilt and the
  // server restarted, returning visitors get the new file at once instead of a stale cache.
  reply.header('cache-control', 'public, no-cache');
  reply.header('etag', file.etag);
  reply.header('vary', 'accept-encoding');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((t) => t.trim() === file.etag))
    return reply.status(304).send();
  reply.type(type);
  const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (!accepts) return reply.send(gunzipSync(file.gzip));
  reply.header('content-encoding', 'gzip');
  return reply.send(file.gzip);
}

/** Options of {@link fremtidDataRoutes}. */
export interface FremtidDataOptions {
  /** Folder of the snapshot files; the committed `packages/demografi/snapshot` by default. */
  readonly dir?: string;
  /**
   * Estimate the rates and build the country's extract as soon as the server listens
   * (when it serves the web app), instead of on the first request.
   */
  readonly warm?: boolean;
}

const RegionParams = z.object({
  code: z
    .string()
    .regex(/^(\d{4}|\d{2}|0)$/, 'must be a municipality (4 digits), a county (2) or 0 (Norway)'),
});

/** Registers the data routes. */
export function fremtidDataRoutes(app: FastifyInstance, options: FremtidDataOptions = {}): void {
  const dir = options.dir ?? SNAPSHOT_DIR;
  const snapshotPath = `${dir}/demografi.json.gz`;
  const snapshot = lazyFile(snapshotPath, true);
  const topology = lazyFile(`${dir}/kommuner.topojson`, false);
  const extracts = new RegionExtracts(snapshotPath);
  if (options.warm) app.addHook('onListen', async () => extracts.warm());
  app.addHook('onClose', async () => extracts.close());
  const binary = {
    200: { description: 'the file (gzip content-encoding when accepted)', type: 'string' },
    304: { description: 'not modified (If-None-Match matched the ETag)', type: 'null' },
  };
  app.get(
    '/api/fremtid/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['fremtid'],
        summary:
          "One region's population and estimated rates (a region extract): what its projection needs",
        params: jsonSchema(RegionParams),
        response: { ...binary, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const { code } = parseInput(RegionParams, request.params, 'path');
      return send(request, reply, await extracts.get(code), 'application/json');
    },
  );
  app.get(
    '/api/fremtid/snapshot',
    {
      config: { access: 'public' },
      schema: {
        tags: ['fremtid'],
        summary:
          'The demography snapshot (SSB, HMD/HFD, KOSTRA) the Fremtid 2040 pages project from',
        response: binary,
      },
    },
    (request, reply) => send(request, reply, snapshot(), 'application/json'),
  );
  app.get(
    '/api/fremtid/kommuner.topojson',
    {
      config: { access: 'public' },
      schema: {
        tags: ['fremtid'],
        summary: 'Municipality boundaries (© Kartverket) as compact TopoJSON',
        response: binary,
      },
    },
    (request, reply) => send(request, reply, topology(), 'application/json'),
  );
}
