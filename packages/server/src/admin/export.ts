/**
 * A person's data as JSON (GDPR art. 15 and 20, access and portability): the account, their
 * memberships, their sessions (without their secrets), their API tokens (names and dates, not
 * the tokens), the single sign-on identities linked to the account and the audit events they
 * made.
 */
import type { Kysely } from 'kysely';
import { WorkspaceRole, type UserExport } from '@helhet/model';
import type { Database } from '../db/tables.ts';
import { listLinkedIdentities } from '../auth/oidc/linked-identities.ts';
import { accountPreferences, toUserRecord } from '../auth/users.ts';
import { requireAccount } from './accounts.ts';
import { CSV_MAX_ROWS, queryAudit } from './audit-query.ts';

/** Everything Helhet keeps about account `userId` (404 if there is none). */
export async function exportUser(db: Kysely<Database>, userId: string): Promise<UserExport> {
  const user = await requireAccount(db, userId);
  const memberships = await db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select([
      'memberships.workspace_id',
      'workspaces.name',
      'memberships.role',
      'memberships.created_at',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('memberships.created_at')
    .execute();
  const sessions = await db
    .selectFrom('sessions')
    .select(['created_at', 'last_used_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const tokens = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const identities = await listLinkedIdentities(db, userId);
  const audit = await queryAudit(db, { actor: `user:${userId}`, limit: CSV_MAX_ROWS, offset: 0 });
  return {
    exportedAt: new Date().toISOString(),
    account: {
      ...toUserRecord(user),
      hasPassword: user.password_hash !== null,
      ...accountPreferences(user),
    },
    memberships: memberships.map((m) => ({
      workspaceId: m.workspace_id,
      workspaceName: m.name,
      role: WorkspaceRole.parse(m.role),
      addedAt: m.created_at,
    })),
    sessions: sessions.map((s) => ({
      createdAt: s.created_at,
      lastUsedAt: s.last_used_at,
      expiresAt: s.expires_at,
      userAgent: s.user_agent,
    })),
    apiTokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.created_at,
      expiresAt: t.expires_at,
      lastUsedAt: t.last_used_at,
      revokedAt: t.revoked_at,
    })),
    linkedIdentities: identities.map((i) => ({
      issuer: i.issuer,
      subject: i.subject,
      providerId: i.provider_id,
      linkedAt: i.created_at,
      lastSignInAt: i.last_sign_in_at,
    })),
    auditEvents: audit.events,
  };
}
