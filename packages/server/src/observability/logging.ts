/**
 * Structured logs: Fastify's pino logger writes one JSON line per answered request with its
 * request id, method, route pattern, status and duration, and nothing a person typed or
 * holds: no bodies, no query strings (share-link and reset tokens travel there), no headers
 * (cookies, `Authorization`, CSRF tokens), no client addresses. Anything that still reaches
 * a log object under those names is censored by pino's `redact`.
 *
 * The request id is the trusted proxy's `X-Request-Id` (so one id follows a request through
 * proxy and server logs) or a new UUID, and is echoed in the answer's `X-Request-Id`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ProxyTrust } from '../network/trusted-proxy.ts';
import { routeLabel } from './metrics.ts';

/** A writable that receives the JSON lines (stdout unless a test captures them). */
export interface LogStream {
  write(line: string): unknown;
}

/** Paths pino censors wherever they appear in a log object. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-csrf-token"]',
  'body',
  'req.body',
  'password',
  'token',
  'csrfToken',
  '*.password',
  '*.token',
  '*.csrfToken',
];

/** An id a proxy may hand on: short, and only characters that cannot forge log structure. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The Fastify options for logging and request ids. */
export function loggingOptions(
  enabled: boolean,
  trust: ProxyTrust,
  stream?: LogStream,
): Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdHeader' | 'logController'> {
  return {
    logger: enabled
      ? {
          level: 'info',
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          // The default serializers would log the URL (with its query) and the peer address.
          serializers: { req: () => ({}), res: () => ({}) },
          ...(stream ? { stream } : {}),
        }
      : false,
    requestIdHeader: false,
    // One line per request, written below once the answer is known.
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: true,
    }),
    genReqId(request: IncomingMessage) {
      const given = request.headers['x-request-id'];
      if (
        typeof given === 'string' &&
        FORWARDED_ID.test(given) &&
        trust(request.socket.remoteAddress)
      )
        return given;
      return randomUUID();
    },
  };
}

/** Echoes the request id and logs each answered request. */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: routeLabel(request.routeOptions.url),
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });
}
