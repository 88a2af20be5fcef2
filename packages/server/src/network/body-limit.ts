/**
 * Bodies over a route's limit are answered 413 with the API's JSON error (code
 * `too-large`), and the client gets to read that answer. Fastify answers as soon as it
 * knows the body is too large and the connection is then closed while the client is still
 * sending, so the client sees a broken pipe or a reset instead of the 413. Here the rest of
 * the body is read and discarded first (up to {@link DRAIN_LIMIT} more bytes; a client
 * sending even more gets the answer and a closed connection, as it would anyway).
 */
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../api/errors.ts';

/** How much of an oversized body is read and discarded so the 413 can be read. */
export const DRAIN_LIMIT = 64 * 1024 * 1024;

function tooLarge(limit: number): ApiError {
  const size = limit >= 1024 * 1024 ? `${Math.floor(limit / (1024 * 1024))} MB` : `${limit} bytes`;
  return new ApiError(413, `The request body is too large: at most ${size} is accepted`, [], {
    code: 'too-large',
  });
}

/** Reads and discards `stream` until it ends or `max` bytes have gone by. */
function drain(stream: Readable, max: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      stream.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > max) done();
    };
    stream.on('data', onData);
    stream.once('end', done);
    stream.once('error', done);
    stream.once('close', done);
  });
}

/**
 * Passes at most `limit` bytes on; past that it swallows the rest and fails with the 413
 * once the client has finished sending (or has sent {@link DRAIN_LIMIT} more).
 */
class LimitedBody extends Transform {
  #received = 0;
  #over = false;
  readonly #limit: number;
  constructor(limit: number) {
    super();
    this.#limit = limit;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.#received += chunk.length;
    if (this.#received <= this.#limit) return callback(null, chunk);
    this.#over = true;
    if (this.#received > this.#limit + DRAIN_LIMIT) return callback(tooLarge(this.#limit));
    callback();
  }
  override _flush(callback: TransformCallback) {
    callback(this.#over ? tooLarge(this.#limit) : null);
  }
}

function hasBody(raw: IncomingMessage): boolean {
  return (
    raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length']) > 0
  );
}

/** Installs the hook on `app` (every route, with each route's own `bodyLimit`). */
export function installBodyLimit(app: FastifyInstance): void {
  app.addHook('preParsing', async (request: FastifyRequest, _reply, payload) => {
    if (!hasBody(request.raw)) return payload;
    const limit = request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 1024 * 1024;
    const declared = Number(request.headers['content-length']);
    if (declared > limit) {
      // Fastify would refuse it before reading a byte; read it here, then answer.
      if (declared <= limit + DRAIN_LIMIT) await drain(payload, declared);
      throw tooLarge(limit);
    }
    // A declared length within the limit is held to by the parsers (a longer body is a 400),
    // so only a body without one (chunked) needs counting.
    if (Number.isInteger(declared)) return payload;
    const limited = new LimitedBody(limit);
    payload.on('error', (error) => limited.destroy(error));
    return payload.pipe(limited);
  });
}
