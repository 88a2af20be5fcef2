/**
 * What an administrator does to accounts: find them page by page, deactivate and reactivate
 * them, grant and revoke the administrator role. There is always at least one active
 * administrator: the change that would leave none is refused (409), checked in the same
 * transaction that makes it, so two administrators demoting each other at once cannot both
 * succeed.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AdminUserPage } from '@helhet/model';
import { ApiError, notFound } from '../api/errors.ts';
import type { Database } from '../db/tables.ts';
import { findUserById, toUserRecord, type UserRow } from '../auth/users.ts';

/** One page of accounts whose name or e-mail contains `q` (any case), oldest first. */
export async function searchUsers(
  db: Kysely<Database>,
  options: { q: string; limit: number; offset: number },
): Promise<AdminUserPage> {
  const pattern = `%${options.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = db.selectFrom('users');
  if (options.q)
    query = query.where(
      sql<boolean>`(lower(name) like ${pattern} escape '\\' or email like ${pattern} escape '\\')`,
    );
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { users: rows.map(toUserRecord), total: Number(count.n) };
}

/** The account `id`, or 404. */
export async function requireAccount(db: Kysely<Database>, id: string): Promise<UserRow> {
  const user = await findUserById(db, id);
  if (!user) throw notFound('user', id);
  return user;
}

async function activeAdmins(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('admin', '=', 1)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Refuses (409) if no active administrator is left; call after the change, in its transaction. */
export async function keepAnAdmin(trx: Transaction<Database>): Promise<void> {
  if ((await activeAdmins(trx)) === 0)
    throw new ApiError(409, 'There must always be at least one active administrator', [], {
      code: 'last-admin',
    });
}

/** Sets `active` and/or `admin` of account `id`; returns the row before and after. */
export async function updateAccount(
  db: Kysely<Database>,
  id: string,
  change: { active?: boolean | undefined; admin?: boolean | undefined },
): Promise<{ before: UserRow; after: UserRow }> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('user', id);
    const set: Partial<Pick<UserRow, 'active' | 'admin'>> = {};
    if (change.active !== undefined) set.active = change.active ? 1 : 0;
    if (change.admin !== undefined) set.admin = change.admin ? 1 : 0;
    await trx.updateTable('users').set(set).where('id', '=', id).execute();
    await keepAnAdmin(trx);
    return { before, after: { ...before, ...set } };
  });
}
