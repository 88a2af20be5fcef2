/**
 * The audit log: sign-ins and failed sign-ins, membership and role changes, invitations,
 * share links made, used and revoked, imports and exports. Events never hold passwords or
 * tokens; they outlive the workspace they name.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/** What the audit log records. */
export type AuditAction =
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out-everywhere'
  | 'session-ended'
  | 'setup-completed'
  | 'user-created'
  | 'identity-linked'
  | 'workspace-created'
  | 'member-added'
  | 'member-role-changed'
  | 'member-removed'
  | 'invitation-created'
  | 'invitation-revoked'
  | 'invitation-accepted'
  | 'share-link-created'
  | 'share-link-used'
  | 'share-link-revoked'
  | 'map-imported'
  | 'map-exported'
  | 'workspace-imported'
  | 'workspace-exported'
  | 'user-deactivated'
  | 'user-reactivated'
  | 'admin-granted'
  | 'admin-revoked'
  | 'user-erased'
  | 'user-exported'
  | 'password-reset-link-created'
  | 'password-reset';

/** One event to record. */
export interface AuditEvent {
  action: AuditAction;
  /** `user:<id>` / `guest:<id>`, or null. */
  actor: string | null;
  workspaceId?: string | null;
  details?: Record<string, unknown>;
  address?: string | null;
}

/** Records an event. */
export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: new Date().toISOString(),
      actor: event.actor,
      action: event.action,
      workspace_id: event.workspaceId ?? null,
      details: JSON.stringify(event.details ?? {}),
      address: event.address ?? null,
    })
    .execute();
}
