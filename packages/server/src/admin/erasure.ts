/**
 * Erasing a person (GDPR art. 17, the right to erasure). Deleted: the account row (name,
 * e-mail address, password hash, admin flag, sign-in times) and with it, through the foreign
 * keys, their sessions, API tokens, memberships, password reset links and linked single
 * sign-on identities; pending invitations
 * addressed to their e-mail; and in the audit log their e-mail address or name wherever an
 * event's details held it, and the network address of every event they made.
 *
 * Kept, because the others in the workspace need it and it says nothing about the person by
 * itself: their map and process edits (the documents' update logs never held who made an
 * edit) and comments, the workspaces they made, and the audit events themselves, whose actor
 * stays the account's opaque id (`user:u_…`) that nothing in Helhet links to a person any
 * more; wherever it is shown it reads "deleted user". The audit trail is kept for the
 * security of the service (art. 17(3)(b) and (e)): an administrator can still see *that*
 * an erased account changed roles or made share links, not who it was.
 *
 * A workspace the person was the only owner of passes to the administrator who erases them,
 * so no workspace is left without an owner.
 */
import type { Kysely } from 'kysely';
import type { ErasureReport } from '@helhet/model';
import { notFound } from '../api/errors.ts';
import type { Database } from '../db/tables.ts';
import { DELETED_USER } from './audit-query.ts';
import { keepAnAdmin } from './accounts.ts';

function scrubbed(value: unknown, secrets: ReadonlySet<string>): unknown {
  if (typeof value === 'string')
    return secrets.has(value.trim().toLowerCase()) ? DELETED_USER : value;
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, secrets));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubbed(v, secrets)]));
  return value;
}

/** Erases account `userId`; `adminId` takes over the workspaces it alone owned. */
export async function eraseUser(
  db: Kysely<Database>,
  userId: string,
  adminId: string,
): Promise<ErasureReport> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw notFound('user', userId);
    const count = async (
      table: 'sessions' | 'api_tokens' | 'memberships' | 'password_resets' | 'linked_identities',
    ) =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('user_id', '=', userId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const deleted = {
      sessions: await count('sessions'),
      apiTokens: await count('api_tokens'),
      memberships: await count('memberships'),
      resetLinks: await count('password_resets'),
      linkedIdentities: await count('linked_identities'),
      invitations: 0,
    };

    const owned = await trx
      .selectFrom('memberships')
      .select('workspace_id')
      .where('user_id', '=', userId)
      .where('role', '=', 'owner')
      .execute();
    const workspacesHandedOver: string[] = [];
    for (const { workspace_id } of owned) {
      const others = await trx
        .selectFrom('memberships')
        .select('user_id')
        .where('workspace_id', '=', workspace_id)
        .where('role', '=', 'owner')
        .where('user_id', '!=', userId)
        .executeTakeFirst();
      if (others) continue;
      const updated = await trx
        .updateTable('memberships')
        .set({ role: 'owner' })
        .where('workspace_id', '=', workspace_id)
        .where('user_id', '=', adminId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        await trx
          .insertInto('memberships')
          .values({
            workspace_id,
            user_id: adminId,
            role: 'owner',
            created_at: new Date().toISOString(),
          })
          .execute();
      workspacesHandedOver.push(workspace_id);
    }

    const invitations = await trx
      .deleteFrom('invitations')
      .where('email', '=', user.email)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    deleted.invitations = Number(invitations.numDeletedRows);

    // The audit log: the person's address goes from their own events, and their e-mail and
    // name from any event's details (a failed sign-in names the e-mail it tried).
    const actor = `user:${userId}`;
    await trx
      .updateTable('audit_events')
      .set({ address: null })
      .where('actor', '=', actor)
      .execute();
    const secrets = new Set([user.email.toLowerCase(), user.name.trim().toLowerCase()]);
    const naming = await trx
      .selectFrom('audit_events')
      .select(['id', 'details'])
      .where((eb) =>
        eb.or(
          [...secrets].map((s) => eb('details', 'like', `%${JSON.stringify(s).slice(1, -1)}%`)),
        ),
      )
      .execute();
    for (const row of naming) {
      const details = scrubbed(JSON.parse(row.details), secrets);
      await trx
        .updateTable('audit_events')
        .set({ details: JSON.stringify(details) })
        .where('id', '=', row.id)
        .execute();
    }

    await trx.deleteFrom('users').where('id', '=', userId).execute();
    await keepAnAdmin(trx);
    return { deleted, workspacesHandedOver };
  });
}
