/**
 * Workshop share links and their guests: a link carries a role (editor, commenter or
 * viewer), an expiry and optionally a pass code (argon2id-hashed like a password); a guest
 * joins with a name and keeps the link's role until it is revoked or expires.
 */
import type { Kysely, Selectable } from 'kysely';
import { newId, WorkspaceRole, type ShareLink } from '@helhet/model';
import { hashPassword } from '../auth/passwords.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { ShareLinksTable } from '../auth/tables.ts';
import type { Database } from '../db/tables.ts';

/** A share-link row. */
export type ShareLinkRow = Selectable<ShareLinksTable>;

/** The link as the API shows it (without its secret). */
export function toShareLink(row: ShareLinkRow, guests: number): ShareLink {
  return {
    id: row.id,
    label: row.label,
    role: WorkspaceRole.parse(row.role),
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    hasPassCode: row.pass_code_hash !== null,
    revokedAt: row.revoked_at,
    guests,
  };
}

/** Makes a link; returns it with its secret token. */
export async function createShareLink(
  db: Kysely<Database>,
  input: {
    workspaceId: string;
    role: WorkspaceRole;
    label: string;
    expiresInHours: number;
    passCode: string | undefined;
    createdBy: string | null;
  },
): Promise<{ row: ShareLinkRow; token: string }> {
  const token = newSecret();
  const now = Date.now();
  const row: ShareLinkRow = {
    id: newId('s'),
    token_hash: hashSecret(token),
    workspace_id: input.workspaceId,
    role: input.role,
    label: input.label,
    created_by: input.createdBy,
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + input.expiresInHours * 3600_000).toISOString(),
    pass_code_hash: input.passCode ? await hashPassword(input.passCode) : null,
    revoked_at: null,
  };
  await db.insertInto('share_links').values(row).execute();
  return { row, token };
}

/** The workspace's links (revoked ones too, newest first) with their guest counts. */
export async function listShareLinks(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<ShareLink[]> {
  const rows = await db
    .selectFrom('share_links')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .execute();
  const counts = await db
    .selectFrom('guests')
    .select(['share_link_id', (eb) => eb.fn.countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('share_link_id')
    .execute();
  const byLink = new Map(counts.map((c) => [c.share_link_id, Number(c.n)]));
  return rows.map((r) => toShareLink(r, byLink.get(r.id) ?? 0));
}

/** Revokes a link of the workspace; returns its guests' ids, or null when there is no such link. */
export async function revokeShareLink(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<string[] | null> {
  const result = await db
    .updateTable('share_links')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return null;
  const guests = await db
    .selectFrom('guests')
    .select('id')
    .where('share_link_id', '=', id)
    .execute();
  // Their sessions end now too (they would no longer resolve anyway).
  if (guests.length > 0)
    await db
      .deleteFrom('sessions')
      .where(
        'guest_id',
        'in',
        guests.map((g) => g.id),
      )
      .execute();
  return guests.map((g) => g.id);
}

/** The usable link of a secret token (not revoked, not expired), with its workspace's name. */
export async function findShareLink(
  db: Kysely<Database>,
  token: string,
): Promise<(ShareLinkRow & { workspace_name: string }) | undefined> {
  const row = await db
    .selectFrom('share_links')
    .innerJoin('workspaces', 'workspaces.id', 'share_links.workspace_id')
    .selectAll('share_links')
    .select('workspaces.name as workspace_name')
    .where('share_links.token_hash', '=', hashSecret(token))
    .where('share_links.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) <= Date.now()) return undefined;
  return row;
}

/** Adds a guest who joined through `link`. */
export async function createGuest(
  db: Kysely<Database>,
  link: ShareLinkRow,
  name: string,
): Promise<string> {
  const id = newId('g');
  await db
    .insertInto('guests')
    .values({
      id,
      name,
      share_link_id: link.id,
      workspace_id: link.workspace_id,
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}
