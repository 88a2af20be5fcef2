/**
 * The administration routes (`/api/admin/…`, instance administrators only) and the public
 * end of an administrator-issued password reset link (`POST /api/auth/reset`). Every change
 * an administrator makes to an account is in the audit log.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AdminUserPage,
  AdminUserPatch,
  AdminUserQuery,
  AuditPage,
  AuditQuery,
  ErasureReport,
  PasswordResetInput,
  PasswordResetLink,
  PasswordResetLinkInput,
  RecordId,
  UserExport,
  UserRecord,
} from '@helhet/model';
import { ApiError, parseInput } from '../api/errors.ts';
import { accessDenials, errorResponses, jsonSchema } from '../api/schemas.ts';
import { recordAudit, type AuditAction } from '../audit/audit-log.ts';
import { requireUser } from '../auth/access.ts';
import { baseUrl, type AuthContext } from '../auth/context.ts';
import { toUserRecord } from '../auth/users.ts';
import { passwordResetMail } from '../mail/messages.ts';
import { requireAccount, searchUsers, updateAccount } from './accounts.ts';
import { auditCsv, queryAudit } from './audit-query.ts';
import { eraseUser } from './erasure.ts';
import { exportUser } from './export.ts';
import { createResetToken, useResetToken } from './password-reset.ts';

const UserParams = z.object({ id: RecordId });
const AuditFilters = AuditQuery.omit({ limit: true, offset: true });

/** Registers the administration routes and `POST /api/auth/reset`. */
export function adminRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const tags = ['administration'];
  const audit = (request: FastifyRequest, action: AuditAction, details: Record<string, unknown>) =>
    recordAudit(ctx.db, {
      action,
      actor: `user:${requireUser(request).principal.id}`,
      details,
      address: request.ip,
    });

  app.get(
    '/api/admin/users',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Accounts whose name or e-mail contains q, page by page (administrators only)',
        querystring: jsonSchema(AdminUserQuery),
        response: { 200: jsonSchema(AdminUserPage), 400: errorResponses[400], ...accessDenials },
      },
    },
    async (request) => searchUsers(ctx.db, parseInput(AdminUserQuery, request.query, 'query')),
  );

  app.patch(
    '/api/admin/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Deactivate or reactivate an account, or grant or revoke administrator',
        description:
          'Deactivating ends the account’s sessions and closes its live connections. 409 (code last-admin) when no active administrator would be left.',
        params: jsonSchema(UserParams),
        body: jsonSchema(AdminUserPatch),
        response: { 200: jsonSchema(UserRecord), ...errorResponses, ...accessDenials },
      },
    },
    async (request) => {
      const { id } = parseInput(UserParams, request.params, 'path');
      const change = parseInput(AdminUserPatch, request.body, 'account change');
      const { before, after } = await updateAccount(ctx.db, id, change);
      if (after.active === 0) {
        // Also when it was inactive already: a session made in between must not survive.
        await ctx.db.deleteFrom('sessions').where('user_id', '=', id).execute();
        await ctx.live.revoke({ principals: [`user:${id}`] });
      }
      if (before.active !== after.active)
        await audit(request, after.active ? 'user-reactivated' : 'user-deactivated', {
          userId: id,
        });
      if (before.admin !== after.admin)
        await audit(request, after.admin ? 'admin-granted' : 'admin-revoked', { userId: id });
      return toUserRecord(after);
    },
  );

  app.delete(
    '/api/admin/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Erase a person: delete their account and personal data (GDPR art. 17)',
        description:
          'Deletes name, e-mail, password, sessions, API tokens, memberships, reset links and pending invitations to their e-mail, and their e-mail, name and addresses in the audit log. Their edits and comments stay, shown as "deleted user". Workspaces they alone owned pass to the administrator. 409 (code last-admin) for the last active administrator.',
        params: jsonSchema(UserParams),
        response: { 200: jsonSchema(ErasureReport), ...errorResponses, ...accessDenials },
      },
    },
    async (request) => {
      const { id } = parseInput(UserParams, request.params, 'path');
      const admin = requireUser(request).principal;
      const report = await eraseUser(ctx.db, id, admin.id);
      await ctx.live.revoke({ principals: [`user:${id}`] });
      await audit(request, 'user-erased', { userId: id, ...report.deleted });
      return report;
    },
  );

  app.get(
    '/api/admin/users/:id/export',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Everything kept about a person, as JSON (GDPR art. 15 and 20)',
        params: jsonSchema(UserParams),
        response: { 200: jsonSchema(UserExport), ...errorResponses, ...accessDenials },
      },
    },
    async (request, reply) => {
      const { id } = parseInput(UserParams, request.params, 'path');
      const data = await exportUser(ctx.db, id);
      await audit(request, 'user-exported', { userId: id });
      reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="helhet-user-${id}.json"`);
      return data;
    },
  );

  app.post(
    '/api/admin/users/:id/reset-link',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary:
          'Make a one-time password reset link for a person (valid one hour, shown once); also mailed to them when a mail server is configured (delivery)',
        params: jsonSchema(UserParams),
        body: jsonSchema(PasswordResetLinkInput),
        response: { 201: jsonSchema(PasswordResetLink), ...errorResponses, ...accessDenials },
      },
    },
    async (request, reply) => {
      const { id } = parseInput(UserParams, request.params, 'path');
      const { language } = parseInput(PasswordResetLinkInput, request.body ?? {}, 'reset link');
      const user = await requireAccount(ctx.db, id);
      if (user.active !== 1)
        throw new ApiError(409, 'Reactivate the account before resetting its password', [], {
          code: 'account-inactive',
        });
      const admin = requireUser(request).principal;
      const { token, expiresAt } = await createResetToken(ctx.db, id, admin.id);
      const url = `${baseUrl(request, ctx.publicUrl)}/reset#token=${token}`;
      // Mailed before answering, so the answer says whether to copy the link (mail/mailer.ts).
      // The server keeps no language per account: the mail is in the administrator's.
      const delivery = await ctx.mail.send('password-reset', user.email, () =>
        passwordResetMail({ language: language ?? 'nb', name: user.name, url, expiresAt }),
      );
      await audit(request, 'password-reset-link-created', { userId: id, delivery });
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({ url, expiresAt, delivery });
    },
  );

  app.post(
    '/api/auth/reset',
    {
      config: { access: 'public' },
      schema: {
        tags: ['access'],
        summary: 'Set a new password with a reset link (ends every session of the account)',
        body: jsonSchema(PasswordResetInput),
        response: {
          204: { type: 'null', description: 'Password set; sign in with it' },
          400: errorResponses[400],
          ...accessDenials,
        },
      },
    },
    async (request, reply) => {
      const { token, password } = parseInput(PasswordResetInput, request.body, 'password reset');
      const userId = await useResetToken(ctx.db, token, password);
      if (!userId)
        throw new ApiError(403, 'This reset link is not valid (used, expired or replaced)', [], {
          code: 'reset-link-invalid',
        });
      await ctx.live.revoke({ principals: [`user:${userId}`] });
      await recordAudit(ctx.db, {
        action: 'password-reset',
        actor: `user:${userId}`,
        address: request.ip,
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/admin/audit',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Audit events by actor, action, workspace and time, newest first, page by page',
        querystring: jsonSchema(AuditQuery),
        response: { 200: jsonSchema(AuditPage), 400: errorResponses[400], ...accessDenials },
      },
    },
    async (request) => queryAudit(ctx.db, parseInput(AuditQuery, request.query, 'query')),
  );

  app.get(
    '/api/admin/audit.csv',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'The same audit events as CSV with a header row (formula cells escaped)',
        querystring: jsonSchema(AuditFilters),
        response: {
          200: { description: 'text/csv; charset=utf-8', type: 'string' },
          400: errorResponses[400],
          ...accessDenials,
        },
      },
    },
    async (request, reply) => {
      const filters = parseInput(AuditFilters, request.query, 'query');
      const csv = await auditCsv(ctx.db, filters);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="helhet-audit.csv"')
        .send(csv);
    },
  );
}
