/** Invitations to a workspace: made, listed, revoked, looked up by their secret, used once. */
import type { Kysely, Selectable } from 'kysely';
import { newId, WorkspaceRole, type Invitation } from '@helhet/model';
import type { InvitationsTable } from '../auth/tables.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { Database } from '../db/tables.ts';

/** An invitation row. */
export type InvitationRow = Selectable<InvitationsTable>;

/** The invitation as the API shows it (without its secret). */
export function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    role: WorkspaceRole.parse(row.role),
    email: row.email,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
  };
}

/** Makes an invitation; returns it with its secret token. */
export async function createInvitation(
  db: Kysely<Database>,
  input: {
    workspaceId: string;
    role: WorkspaceRole;
    email: string | null;
    expiresInDays: number;
    createdBy: string | null;
  },
): Promise<{ row: InvitationRow; token: string }> {
  const token = newSecret();
  const now = Date.now();
  const row: InvitationRow = {
    id: newId('i'),
    token_hash: hashSecret(token),
    workspace_id: input.workspaceId,
    role: input.role,
    email: input.email,
    created_by: input.createdBy,
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + input.expiresInDays * 24 * 3600_000).toISOString(),
    used_at: null,
    used_by: null,
  };
  await db.insertInto('invitations').values(row).execute();
  return { row, token };
}

/** The workspace's pending invitations (unused, unexpired). */
export async function listInvitations(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<InvitationRow[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .orderBy('created_at')
    .execute();
}

/** Deletes a pending invitation of the workspace; false when there is none. */
export async function deleteInvitation(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('invitations')
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The usable invitation of a secret token (unused, unexpired), with its workspace's name. */
export async function findInvitation(
  db: Kysely<Database>,
  token: string,
): Promise<(InvitationRow & { workspace_name: string }) | undefined> {
  const row = await db
    .selectFrom('invitations')
    .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
    .selectAll('invitations')
    .select('workspaces.name as workspace_name')
    .where('invitations.token_hash', '=', hashSecret(token))
    .where('invitations.used_at', 'is', null)
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) <= Date.now()) return undefined;
  return row;
}

/** Marks an invitation used; false when someone used it first. */
export async function markInvitationUsed(
  db: Kysely<Database>,
  id: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ used_at: new Date().toISOString(), used_by: userId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
