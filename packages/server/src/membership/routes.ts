/**
 * Members and invitations of a workspace: `/api/workspaces/:id/members[/:userId]`,
 * `/api/workspaces/:id/invitations[/:invitationId]`, and an invitation's own
 * `/api/invitations/:token` (preview) and `/api/invitations/:token/accept`.
 *
 * Rules: a workspace keeps at least one owner; only owners change and remove members;
 * facilitators invite up to facilitator. Losing or changing a role closes the person's live
 * connections to the workspace's documents (they reconnect with the new role).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AcceptInvitationInput,
  Invitation,
  InvitationInput,
  InvitationPreview,
  type MailDelivery,
  Member,
  MemberRoleInput,
  RecordId,
  roleAtLeast,
  SessionInfo,
  type WorkspaceRole,
} from '@helhet/model';
import { ApiError, notFound, parseInput } from '../api/errors.ts';
import { accessDenials, errorResponses, jsonSchema } from '../api/schemas.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { requireUser } from '../auth/access.ts';
import { baseUrl, type AuthContext } from '../auth/context.ts';
import { hashPassword } from '../auth/passwords.ts';
import { principalKey } from '../auth/principal.ts';
import { checkCsrf } from '../auth/csrf.ts';
import { startUserSession } from '../auth/sign-in.ts';
import { csrfTokenFor } from '../auth/secrets.ts';
import { createUser, findUserByEmail } from '../auth/users.ts';
import { invitationMail } from '../mail/messages.ts';
import { createRateLimiter, takeOrRefuse, type RateLimitSpec } from '../rate-limit/limiter.ts';
import { WorkspaceStore } from '../stores/workspaces.ts';
import {
  createInvitation,
  deleteInvitation,
  findInvitation,
  listInvitations,
  markInvitationUsed,
  toInvitation,
} from './invitations.ts';
import {
  listMembers,
  membershipRole,
  ownerCount,
  removeMembership,
  setMembership,
} from './memberships.ts';

const IdParams = z.object({ id: RecordId });
const MemberParams = z.object({ id: RecordId, userId: RecordId });
const InvitationParams = z.object({ id: RecordId, invitationId: RecordId });
const TokenParams = z.object({ token: z.string().min(1).max(200) });

function lastOwner(): ApiError {
  return new ApiError(
    409,
    'A workspace keeps at least one owner: make someone else owner first',
    [],
    {
      code: 'last-owner',
    },
  );
}

/**
 * How many invitations one account may have mailed: enough for a large workshop's list, few
 * enough that a facilitator's account cannot turn the installation's sender into a mass
 * mailer (each mail carries a workspace name its sender chose).
 */
export const INVITATION_MAIL_LIMIT: RateLimitSpec = {
  points: 100,
  durationS: 3600,
  prefix: 'invitation-mail',
};

/** Registers the member and invitation routes. */
export function membershipRoutes(
  app: FastifyInstance,
  ctx: AuthContext,
  options: { mailLimit?: RateLimitSpec | undefined } = {},
): void {
  const tags = ['access'];
  const mailLimit = createRateLimiter(ctx.rateLimits, options.mailLimit ?? INVITATION_MAIL_LIMIT);
  const actor = (request: FastifyRequest) =>
    request.auth ? principalKey(request.auth.principal) : null;
  const workspaces = new WorkspaceStore(ctx.db);

  app.get(
    '/api/workspaces/:id/members',
    {
      config: { access: { workspace: 'facilitator' } },
      schema: {
        tags,
        summary: "The workspace's members",
        params: jsonSchema(IdParams),
        response: {
          200: jsonSchema(z.object({ members: z.array(Member) })),
          ...errorResponses,
          ...accessDenials,
        },
      },
    },
    async (request) => ({ members: await listMembers(ctx.db, request.workspaceId!) }),
  );

  app.patch(
    '/api/workspaces/:id/members/:userId',
    {
      config: { access: { workspace: 'owner' } },
      schema: {
        tags,
        summary: "Change a member's role (a workspace keeps at least one owner)",
        params: jsonSchema(MemberParams),
        body: jsonSchema(MemberRoleInput),
        response: { 200: jsonSchema(Member), ...errorResponses, ...accessDenials },
      },
    },
    async (request) => {
      const { id, userId } = parseInput(MemberParams, request.params, 'path');
      const { role } = parseInput(MemberRoleInput, request.body, 'member');
      const before = await membershipRole(ctx.db, id, userId);
      if (!before) throw notFound('member', userId);
      const changed = await ctx.db.transaction().execute(async (trx) => {
        await setMembership(trx, id, userId, role);
        if ((await ownerCount(trx, id)) === 0) throw lastOwner();
        return (await listMembers(trx, id)).find((m) => m.userId === userId)!;
      });
      if (before !== role) {
        await ctx.live.revoke({ principals: [`user:${userId}`], workspaceId: id });
        await recordAudit(ctx.db, {
          action: 'member-role-changed',
          actor: actor(request),
          workspaceId: id,
          details: { userId, from: before, to: role },
          address: request.ip,
        });
      }
      return changed;
    },
  );

  app.delete(
    '/api/workspaces/:id/members/:userId',
    {
      config: { access: { workspace: 'owner' } },
      schema: {
        tags,
        summary: 'Remove a member (closes their live connections to the workspace)',
        params: jsonSchema(MemberParams),
        response: {
          204: { type: 'null', description: 'Removed' },
          ...errorResponses,
          ...accessDenials,
        },
      },
    },
    async (request, reply) => {
      const { id, userId } = parseInput(MemberParams, request.params, 'path');
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await removeMembership(trx, id, userId))) throw notFound('member', userId);
        if ((await ownerCount(trx, id)) === 0) throw lastOwner();
      });
      await ctx.live.revoke({ principals: [`user:${userId}`], workspaceId: id });
      await recordAudit(ctx.db, {
        action: 'member-removed',
        actor: actor(request),
        workspaceId: id,
        details: { userId },
        address: request.ip,
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/workspaces/:id/invitations',
    {
      config: { access: { workspace: 'facilitator' } },
      schema: {
        tags,
        summary:
          'Invite someone by e-mail or by a link anyone may use once (url shown once); an invitation to an address is also mailed when a mail server is configured (delivery)',
        params: jsonSchema(IdParams),
        body: jsonSchema(InvitationInput),
        response: { 201: jsonSchema(Invitation), ...errorResponses, ...accessDenials },
      },
    },
    async (request, reply) => {
      const input = parseInput(InvitationInput, request.body, 'invitation');
      const mine = request.workspaceRole!;
      // A facilitator invites up to facilitator; only an owner makes owners.
      if (!roleAtLeast(mine, 'owner') && !roleAtLeast(mine, input.role)) {
        throw new ApiError(403, `A ${mine} may not invite a ${input.role}`, [], {
          code: 'forbidden',
        });
      }
      if (input.role === 'owner' && mine !== 'owner')
        throw new ApiError(403, 'Only an owner may invite an owner', [], { code: 'forbidden' });
      const inviter = request.auth?.principal.kind === 'user' ? request.auth.principal : null;
      // Refused before anything is made, so a refusal leaves no invitation behind.
      if (input.email && ctx.mail.configured)
        await takeOrRefuse(
          mailLimit,
          actor(request) ?? request.ip,
          'Too many invitations by e-mail from your account: wait, or invite by link',
        );
      const { row, token } = await createInvitation(ctx.db, {
        workspaceId: request.workspaceId!,
        role: input.role,
        email: input.email ?? null,
        expiresInDays: input.expiresInDays,
        createdBy: inviter?.id ?? null,
      });
      const url = `${baseUrl(request, ctx.publicUrl)}/invitation#token=${token}`;
      // Mailed before answering, so the answer says whether to copy the link (mail/mailer.ts).
      // The server keeps no language per account: the mail is in the inviter's.
      let delivery: MailDelivery | undefined;
      if (row.email !== null)
        delivery = await ctx.mail.send('invitation', row.email, async () =>
          invitationMail({
            language: input.language ?? 'nb',
            inviterName: inviter?.name ?? null,
            workspaceName: (await workspaces.get(row.workspace_id))?.name ?? '',
            role: input.role,
            url,
            expiresAt: row.expires_at,
          }),
        );
      await recordAudit(ctx.db, {
        action: 'invitation-created',
        actor: actor(request),
        workspaceId: row.workspace_id,
        details: {
          invitationId: row.id,
          role: row.role,
          byEmail: row.email !== null,
          ...(delivery ? { delivery } : {}),
        },
        address: request.ip,
      });
      return reply
        .status(201)
        .send({ ...toInvitation(row), url, ...(delivery ? { delivery } : {}) });
    },
  );

  app.get(
    '/api/workspaces/:id/invitations',
    {
      config: { access: { workspace: 'facilitator' } },
      schema: {
        tags,
        summary: "The workspace's pending invitations",
        params: jsonSchema(IdParams),
        response: {
          200: jsonSchema(z.object({ invitations: z.array(Invitation) })),
          ...errorResponses,
          ...accessDenials,
        },
      },
    },
    async (request) => ({
      invitations: (await listInvitations(ctx.db, request.workspaceId!)).map(toInvitation),
    }),
  );

  app.delete(
    '/api/workspaces/:id/invitations/:invitationId',
    {
      config: { access: { workspace: 'facilitator' } },
      schema: {
        tags,
        summary: 'Withdraw a pending invitation',
        params: jsonSchema(InvitationParams),
        response: {
          204: { type: 'null', description: 'Withdrawn' },
          ...errorResponses,
          ...accessDenials,
        },
      },
    },
    async (request, reply) => {
      const { id, invitationId } = parseInput(InvitationParams, request.params, 'path');
      if (!(await deleteInvitation(ctx.db, id, invitationId)))
        throw notFound('invitation', invitationId);
      await recordAudit(ctx.db, {
        action: 'invitation-revoked',
        actor: actor(request),
        workspaceId: id,
        details: { invitationId },
        address: request.ip,
      });
      return reply.status(204).send();
    },
  );

  const usable = async (raw: unknown) => {
    const { token } = parseInput(TokenParams, raw, 'path');
    const invitation = await findInvitation(ctx.db, token);
    if (!invitation)
      throw new ApiError(404, 'This invitation is not valid (used, withdrawn or expired)');
    return invitation;
  };

  app.get(
    '/api/invitations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What an invitation is for, before accepting it',
        params: jsonSchema(TokenParams),
        response: { 200: jsonSchema(InvitationPreview), ...errorResponses },
      },
    },
    async (request) => {
      const invitation = await usable(request.params);
      return {
        workspaceName: invitation.workspace_name,
        role: invitation.role as WorkspaceRole,
        email: invitation.email,
      };
    },
  );

  app.post(
    '/api/invitations/:token/accept',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Accept an invitation: signed in, join with your account; otherwise create the account (and sign in)',
        params: jsonSchema(TokenParams),
        body: jsonSchema(AcceptInvitationInput),
        response: {
          200: jsonSchema(SessionInfo),
          201: jsonSchema(SessionInfo),
          ...errorResponses,
          ...accessDenials,
        },
      },
    },
    async (request, reply) => {
      const invitation = await usable(request.params);
      const role = invitation.role as WorkspaceRole;
      const join = async (userId: string) => {
        if (!(await markInvitationUsed(ctx.db, invitation.id, userId)))
          throw new ApiError(404, 'This invitation is not valid (used, withdrawn or expired)');
        const current = await membershipRole(ctx.db, invitation.workspace_id, userId);
        // Accepting never lowers a role the account already has.
        if (!current || !roleAtLeast(current, role))
          await setMembership(ctx.db, invitation.workspace_id, userId, role);
        await recordAudit(ctx.db, {
          action: 'invitation-accepted',
          actor: `user:${userId}`,
          workspaceId: invitation.workspace_id,
          details: { invitationId: invitation.id, role },
          address: request.ip,
        });
      };
      if (request.auth?.principal.kind === 'user') {
        const auth = requireUser(request);
        // The account is used here, so its session's write needs the full CSRF check.
        if (auth.via === 'cookie') checkCsrf(request, auth, ctx.origins, false);
        if (invitation.email && invitation.email !== auth.principal.email)
          throw new ApiError(403, `This invitation is for ${invitation.email}`, [], {
            code: 'forbidden',
          });
        await join(auth.principal.id);
        return {
          principal: auth.principal,
          csrfToken: auth.session ? csrfTokenFor(auth.session.token) : '',
          expiresAt: auth.session?.expiresAt ?? '',
        };
      }
      const input = parseInput(AcceptInvitationInput, request.body, 'sign-up');
      const email = invitation.email ?? input.email;
      if (!email)
        throw new ApiError(400, 'Invalid sign-up:\nemail: required', [
          { path: 'email', message: 'required' },
        ]);
      if (await findUserByEmail(ctx.db, email))
        throw new ApiError(
          409,
          'An account with this e-mail exists: sign in, then open the invitation again',
          [],
          {
            code: 'account-exists',
          },
        );
      const user = await createUser(ctx.db, {
        email,
        name: input.name,
        passwordHash: await hashPassword(input.password),
      });
      await recordAudit(ctx.db, {
        action: 'user-created',
        actor: `user:${user.id}`,
        details: { via: 'invitation' },
        address: request.ip,
      });
      await join(user.id);
      return reply
        .status(201)
        .send(await startUserSession(ctx, request, reply, user, 'invitation'));
    },
  );
}
