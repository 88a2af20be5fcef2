/**
 * Workspace membership: which accounts have which role in which workspace, and the one
 * function that answers "what may this principal do here" ({@link workspaceRole}).
 */
import type { Kysely } from 'kysely';
import { WorkspaceRole, type Member, type Principal } from '@helhet/model';
import type { Database } from '../db/tables.ts';

/** The account's role in the workspace, or null when it is not a member. */
export async function membershipRole(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<WorkspaceRole | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const role = WorkspaceRole.safeParse(row?.role);
  return role.success ? role.data : null;
}

/**
 * The principal's role in a workspace, or null when it may not see it (or the workspace does
 * not exist). An administrator is owner everywhere; a guest has its link's role in its one
 * workspace.
 */
export async function workspaceRole(
  db: Kysely<Database>,
  principal: Principal,
  workspaceId: string,
): Promise<WorkspaceRole | null> {
  if (principal.kind === 'guest')
    return principal.workspaceId === workspaceId ? principal.role : null;
  if (principal.admin) {
    const exists = await db
      .selectFrom('workspaces')
      .select('id')
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    return exists ? 'owner' : null;
  }
  return membershipRole(db, workspaceId, principal.id);
}

/** Ids of the workspaces an account belongs to. */
export async function workspaceIdsOf(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('workspace_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.workspace_id);
}

/** Gives an account a role in a workspace (adds it, or changes its role). */
export async function setMembership(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  role: WorkspaceRole,
): Promise<void> {
  const updated = await db
    .updateTable('memberships')
    .set({ role })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('memberships')
    .values({
      workspace_id: workspaceId,
      user_id: userId,
      role,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** Removes an account from a workspace; false when it was not a member. */
export async function removeMembership(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('memberships')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** How many owners a workspace has. */
export async function ownerCount(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The members of a workspace, owners first, then by name. */
export async function listMembers(db: Kysely<Database>, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.email', 'memberships.role', 'memberships.created_at'])
    .where('memberships.workspace_id', '=', workspaceId)
    .orderBy('users.name')
    .execute();
  const rank = (role: string) => WorkspaceRole.options.indexOf(role as WorkspaceRole);
  return rows
    .map((r) => ({
      userId: r.id,
      name: r.name,
      email: r.email,
      role: WorkspaceRole.parse(r.role),
      addedAt: r.created_at,
    }))
    .sort((a, b) => rank(a.role) - rank(b.role));
}
