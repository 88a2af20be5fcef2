/**
 * `GET /metrics`: the Prometheus exposition. From this machine it is open (a scraper or
 * `curl` beside the server); from anywhere else it needs `Authorization: Bearer
 * <HELHET_METRICS_TOKEN>`, and without a configured token it is refused. A request that
 * came through a proxy (it carries forwarding headers) counts as "anywhere else" even when
 * the proxy itself is on loopback, so a proxy on the same machine does not open it to the
 * internet.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../api/errors.ts';
import { isLoopbackHost } from '../config.ts';
import type { ServerMetrics } from './metrics.ts';

const FORWARDING_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'forwarded',
];

/** True when the request comes from this machine and not through a proxy. */
export function fromThisMachine(request: FastifyRequest): boolean {
  if (FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  return isLoopbackHost(request.ip);
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares in constant time (hashing first makes the lengths equal). */
function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Registers `/metrics` for `metrics`, guarded by `token` (see the module comment). */
export function metricsRoute(
  app: FastifyInstance,
  metrics: ServerMetrics,
  token: string | null,
): void {
  app.get(
    '/metrics',
    {
      // Public to the access layer: the route checks its own token below.
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Prometheus metrics (a bearer token unless asked from this machine)',
        hide: true,
      },
    },
    async (request, reply) => {
      if (!fromThisMachine(request)) {
        const header = request.headers.authorization ?? '';
        const given = /^Bearer (.+)$/i.exec(header)?.[1]?.trim();
        if (token === null) {
          throw new ApiError(
            403,
            'Metrics are only served to this machine (no metrics token is set)',
          );
        }
        if (given === undefined || !tokenMatches(given, token)) {
          throw new ApiError(401, 'Metrics need Authorization: Bearer <HELHET_METRICS_TOKEN>', [], {
            headers: { 'www-authenticate': 'Bearer realm="metrics"' },
          });
        }
      }
      const body = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(body);
    },
  );
}
