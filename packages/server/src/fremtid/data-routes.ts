/**
 * `GET /api/fremtid/snapshot` and `GET /api/fremtid/kommuner.topojson`: the committed
 * demography snapshot and municipality boundaries for the Fremtid 2040 pages, which run the
 * projection engine in the browser (a Web Worker). Both are sent gzip'd (the snapshot is
 * stored that way), with a strong ETag from the bytes' SHA-1 so a returning visitor
 * revalidates with a 304 instead of downloading 1.4 MB again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api/errors.ts';

/** Folder of the committed snapshot files (`packages/demografi/snapshot`). */
export const SNAPSHOT_DIR = fileURLToPath(new URL('../../../demografi/snapshot/', import.meta.url));

/** One file held in memory, gzip'd, with its ETag. */
interface CachedFile {
  readonly gzip: Buffer;
  readonly etag: string;
}

function loadFile(path: string, alreadyGzipped: boolean): CachedFile {
  const raw = readFileSync(path);
  const gzip = alreadyGzipped ? raw : gzipSync(raw, { level: 9 });
  return { gzip, etag: `"${createHash('sha1').update(gzip).digest('hex')}"` };
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

/** Registers the two data routes; `dir` defaults to the committed snapshot folder. */
export function fremtidDataRoutes(app: FastifyInstance, dir: string = SNAPSHOT_DIR): void {
  const snapshot = lazyFile(`${dir}/demografi.json.gz`, true);
  const topology = lazyFile(`${dir}/kommuner.topojson`, false);
  const binary = {
    200: { description: 'the file (gzip content-encoding when accepted)', type: 'string' },
    304: { description: 'not modified (If-None-Match matched the ETag)', type: 'null' },
  };
  app.get(
    '/api/fremtid/snapshot',
    {
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
      schema: {
        tags: ['fremtid'],
        summary: 'Municipality boundaries (© Kartverket) as compact TopoJSON',
        response: binary,
      },
    },
    (request, reply) => send(request, reply, topology(), 'application/json'),
  );
}
