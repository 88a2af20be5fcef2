/**
 * Share links for workshops: `/api/workspaces/:id/share-links[/:linkId]` (facilitators make,
 * list and revoke them) and a link's own `/api/share/:token` (preview) and
 * `/api/share/:token/join` (a named guest session, no account). Revoking a link ends its
 * guests' sessions and closes their live connections at once.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  JoinShareLinkInput,
  RecordId,
  SessionInfo,
  ShareLink,
  ShareLinkInput,
  ShareLinkPreview,
  type WorkspaceRole,
} from '@helhet/model';
import { ApiError, notFound, parseInput } from '../api/errors.ts';
import { accessDenials, errorResponses, jsonSchema } from '../api/schemas.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { baseUrl, type AuthContext } from '../auth/context.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { principalKey } from '../auth/principal.ts';
import { csrfTokenFor } from '../auth/secrets.ts';
import { createGuestSession } from '../auth/sessions.ts';
import { addressKey } from '../rate-limit/address.ts';
import { createRateLimiter, rateLimited } from '../rate-limit/limiter.ts';
import {
  createGuest,
  createShareLink,
  findShareLink,
  listShareLinks,
  revokeShareLink,
  toShareLink,
} from './share-links.ts';

const IdParams = z.object({ id: RecordId });
const LinkParams = z.object({ id: RecordId, linkId: RecordId });
const TokenParams = z.object({ token: z.string().min(1).max(200) });

/** Registers the share-link routes. */
export function sharingRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const tags = ['access'];
  // Pass codes are short: 5 wrong ones per link and address per 5 minutes.
  const passCodeTries = createRateLimiter(ctx.rateLimits, {
    points: 5,
    durationS: 5 * 60,
    prefix: 'share-pass-code',
  });

  app.post(
    '/api/workspaces/:id/share-links',
    {
      config: { access: { workspace: 'facilitator' } },
      schema: {
        tags,
        summary: 'Make a share link for a workshop (url shown once)',
        params: jsonSchema(IdParams),
        body: jsonSchema(ShareLinkInput),
        response: { 201: jsonSchema(ShareLink), ...errorResponses, ...accessDenials },
      },
    },
    async (request, reply) => {
      const input = parseInput(ShareLinkInput, request.body, 'share link');
      const auth = request.auth!;
      const { row, token } = await createShareLink(ctx.db, {
        workspaceId: request.workspaceId!,
        role: input.role,
        label: input.label,
        expiresInHours: input.expiresInHours,
        passCode: input.passCode,
        createdBy: auth.principal.kind === 'user' ? auth.principal.id : null,
      });
      await recordAudit(ctx.db, {
        action: 'share-link-created',
        actor: principalKey(auth.principal),
        workspaceId: row.workspace_id,
        details: { shareLinkId: row.id, role: row.role },
        address: request.ip,
      });
      return reply.status(201).send({
        ...toShareLink(row, 0),
        url: `${baseUrl(request, ctx.publicUrl)}/share#token=${token}`,
      });
    },
  );

  app.get(
    '/api/workspaces/:id/share-links',
    {
      config: { access: { workspace: 'facilitator' } },
      schema: {
        tags,
        summary: "The workspace's share links, newest first",
        params: jsonSchema(IdParams),
        response: {
          200: jsonSchema(z.object({ shareLinks: z.array(ShareLink) })),
          ...errorResponses,
          ...accessDenials,
        },
      },
    },
    async (request) => ({ shareLinks: await listShareLinks(ctx.db, request.workspaceId!) }),
  );

  app.delete(
    '/api/workspaces/:id/share-links/:linkId',
    {
      config: { access: { workspace: 'facilitator' } },
      schema: {
        tags,
        summary: 'Revoke a share link: its guests are signed out and disconnected at once',
        params: jsonSchema(LinkParams),
        response: {
          204: { type: 'null', description: 'Revoked' },
          ...errorResponses,
          ...accessDenials,
        },
      },
    },
    async (request, reply) => {
      const { id, linkId } = parseInput(LinkParams, request.params, 'path');
      const guests = await revokeShareLink(ctx.db, id, linkId);
      if (guests === null) throw notFound('share link', linkId);
      if (guests.length > 0) await ctx.live.revoke({ principals: guests.map((g) => `guest:${g}`) });
      await recordAudit(ctx.db, {
        action: 'share-link-revoked',
        actor: principalKey(request.auth!.principal),
        workspaceId: id,
        details: { shareLinkId: linkId, guests: guests.length },
        address: request.ip,
      });
      return reply.status(204).send();
    },
  );

  const usable = async (raw: unknown) => {
    const { token } = parseInput(TokenParams, raw, 'path');
    const link = await findShareLink(ctx.db, token);
    if (!link) throw new ApiError(404, 'This share link is not valid (revoked or expired)');
    return link;
  };

  app.get(
    '/api/share/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What a share link opens, before joining',
        params: jsonSchema(TokenParams),
        response: { 200: jsonSchema(ShareLinkPreview), ...errorResponses },
      },
    },
    async (request) => {
      const link = await usable(request.params);
      return {
        workspaceName: link.workspace_name,
        role: link.role as WorkspaceRole,
        needsPassCode: link.pass_code_hash !== null,
      };
    },
  );

  app.post(
    '/api/share/:token/join',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Join a workspace as a named guest with the link's role (sets a guest session cookie)",
        params: jsonSchema(TokenParams),
        body: jsonSchema(JoinShareLinkInput),
        response: { 201: jsonSchema(SessionInfo), ...errorResponses, ...accessDenials },
      },
    },
    async (request, reply) => {
      const link = await usable(request.params);
      const input = parseInput(JoinShareLinkInput, request.body, 'join');
      if (link.pass_code_hash !== null) {
        const key = `${link.id}|${addressKey(request.ip)}`;
        const budget = await passCodeTries.check(key);
        if (!budget.ok)
          throw rateLimited('Too many wrong pass codes; wait a moment', budget.retryAfterS);
        if (!(await verifyPassword(input.passCode ?? '', link.pass_code_hash))) {
          await passCodeTries.take(key);
          throw new ApiError(403, 'Wrong pass code', [], { code: 'wrong-pass-code' });
        }
      }
      const guestId = await createGuest(ctx.db, link, input.name);
      const session = await createGuestSession(ctx.db, guestId, {
        userAgent: request.headers['user-agent'],
        method: 'share-link',
        notAfter: link.expires_at,
      });
      ctx.cookie.set(reply, session.token, session.expiresAt);
      await recordAudit(ctx.db, {
        action: 'share-link-used',
        actor: `guest:${guestId}`,
        workspaceId: link.workspace_id,
        details: { shareLinkId: link.id },
        address: request.ip,
      });
      return reply.status(201).send({
        principal: {
          kind: 'guest',
          id: guestId,
          name: input.name,
          workspaceId: link.workspace_id,
          role: link.role as WorkspaceRole,
        },
        csrfToken: csrfTokenFor(session.token),
        expiresAt: session.expiresAt,
      });
    },
  );
}
