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
  | 'setup-completed'
  | 'user-created'
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
  | 'workspace-exported';

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

/** A recorded event as the API shows it. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  workspaceId: string | null;
  details: Record<string, unknown>;
  address: string | null;
}

/** The latest events, newest first, optionally of one workspace. */
export async function listAudit(
  db: Kysely<Database>,
  options: { workspaceId?: string | undefined; limit?: number } = {},
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc');
  if (options.workspaceId) query = query.where('workspace_id', '=', options.workspaceId);
  const rows = await query.limit(options.limit ?? 200).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at,
    actor: r.actor,
    action: r.action,
    workspaceId: r.workspace_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
    address: r.address,
  }));
}
