/**
 * The Fremtid 2040 embed pages (`/fremtid/embed/:nr`) are made to be shown in an `<iframe>`
 * on a municipality's own site, so they, and only they, drop the app's anti-framing headers
 * (`frame-ancestors 'none'`, `X-Frame-Options: DENY`). Registered after the server's
 * security headers so this hook runs last and the rest of the CSP stays as it is.
 */
import type { FastifyInstance } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../static.ts';

/** Paths of the embed pages (the client route; the server answers with index.html). */
export const EMBED_PATH = /^\/fremtid\/embed\/(\d{4}|\d{2}|0)\/?(\?.*)?$/;

/** The CSP of an embed page: the app's, with any ancestor allowed to frame it. */
export const EMBED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "frame-ancestors 'none'",
  'frame-ancestors *',
);

/** Adds the hook. */
export function allowEmbedding(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || !EMBED_PATH.test(request.url)) return payload;
    reply.header('content-security-policy', EMBED_CONTENT_SECURITY_POLICY);
    reply.removeHeader('x-frame-options');
    return payload;
  });
}
