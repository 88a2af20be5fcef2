/**
 * Serves the built web app (`packages/web/dist`) with security headers, and answers client
 * routes (e.g. `/kart/m123`) with `index.html` so deep links and reloads work.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { declarePublicScope } from './auth/access.ts';

/** Where `npm run build` puts the web app in this repository (`packages/web/dist`). */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Content Security Policy: scripts only from this origin (no inline scripts, no eval), no
 * framing (clickjacking), no plugins. Inline *styles* are allowed because React and React
 * Flow position nodes with style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Adds the security headers to every response. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    return payload;
  });
}

const NOT_BUILT = `Helhet: the web app is not built yet.
Run "npm run build" in the repository, then restart the server ("npm start" does both).
The API is available at /api (documentation at /api/docs).

Helhet: nettappen er ikke bygget ennå. Kjør "npm run build" og start serveren på nytt.
`;

/**
 * Fastify's `rewriteUrl`: a path that cannot be percent-decoded (`/maps/%zz`, a mistyped or
 * truncated link) would be answered by the router with a bare 400. It is routed to a path no
 * route has instead, so a page gets the web app (whose router shows its not-found page for
 * the address in the browser) and an API path gets the API's JSON 404.
 */
export function routableUrl(url: string): string {
  const [path = '/', query] = url.split('?', 2);
  try {
    decodeURIComponent(path);
    return url;
  } catch {
    const api = path === '/api' || path.startsWith('/api/');
    return `${api ? '/api' : ''}/unreadable-address${query === undefined ? '' : `?${query}`}`;
  }
}

/** Serves `webDist` (or a clear message when it has not been built). */
export async function serveWebApp(app: FastifyInstance, webDist: string | null): Promise<void> {
  const built = webDist !== null && existsSync(join(webDist, 'index.html'));
  if (built) {
    const assets = join(webDist, 'assets');
    // The files are served from their own scope, which declares its routes public; the
    // root only gets `sendFile` for the not-found handler's client routes.
    await app.register(fastifyStatic, { root: webDist, serve: false });
    await app.register(async (scope) => {
      declarePublicScope(scope);
      await scope.register(fastifyStatic, {
        decorateReply: false,
        root: webDist,
        // Look files up per request (not only those present at start), so a rebuild of the web
        // app while the server runs is served at once; unknown paths fall through to the
        // not-found handler below.
        wildcard: true,
        index: ['index.html'],
        setHeaders(reply, path) {
          // Vite fingerprints everything under assets/: cache it for good; never cache the shell.
          reply.header(
            'cache-control',
            path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/') || path === '/collab';
    if (request.method !== 'GET' || isApi) {
      return reply
        .status(404)
        .send({ error: { message: `No route ${request.method} ${path}`, problems: [] } });
    }
    if (!built) return reply.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    // A path with a file extension is a missing asset, not a client route.
    if (/\.[a-z0-9]+$/i.test(path)) return reply.status(404).type('text/plain').send('Not found');
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
