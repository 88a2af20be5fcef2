/**
 * First start (`docs/access.md`): with no accounts, either create the administrator from the
 * configuration (`HELHET_ADMIN_EMAIL` + `HELHET_ADMIN_PASSWORD`), or make a one-time setup
 * token for the link `helhet serve` prints. The first administrator owns every workspace
 * that exists then (the demo workspace on a new installation, or everything made before
 * accounts existed).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { setMembership } from '../membership/memberships.ts';
import { hashPassword } from './passwords.ts';
import { hashSecret, newSecret } from './secrets.ts';
import { countUsers, createUser, type UserRow } from './users.ts';

/** Creates the first administrator and makes it owner of every existing workspace. */
export async function createFirstAdmin(
  db: Kysely<Database>,
  admin: { email: string; name: string; password: string },
): Promise<UserRow> {
  const passwordHash = await hashPassword(admin.password);
  return db.transaction().execute(async (trx) => {
    const user = await createUser(trx, {
      email: admin.email,
      name: admin.name,
      passwordHash,
      admin: true,
    });
    const workspaces = await trx.selectFrom('workspaces').select('id').execute();
    for (const w of workspaces) await setMembership(trx, w.id, user.id, 'owner');
    await trx.deleteFrom('setup_tokens').execute();
    return user;
  });
}

/**
 * Gives every workspace without an owner to the oldest administrator: the demo workspace
 * seeded after `helhet users create --admin` made the first account, or workspaces whose
 * owners were all deleted. A workspace keeps at least one owner.
 */
async function adoptOwnerless(db: Kysely<Database>): Promise<void> {
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('admin', '=', 1)
    .where('active', '=', 1)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!admin) return;
  const ownerless = await db
    .selectFrom('workspaces')
    .select('id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('memberships')
            .select('memberships.user_id')
            .whereRef('memberships.workspace_id', '=', 'workspaces.id')
            .where('memberships.role', '=', 'owner'),
        ),
      ),
    )
    .execute();
  for (const w of ownerless) await setMembership(db, w.id, admin.id, 'owner');
}

/** What a start found: the setup token to print, when the administrator is still missing. */
export interface FirstStart {
  setupToken: string | null;
  /** True when this start created the administrator from the configuration. */
  createdAdmin: boolean;
}

/** Prepares the first start (see the file's comment). */
export async function prepareFirstStart(
  db: Kysely<Database>,
  config: { adminEmail: string | null; adminPassword: string | null },
): Promise<FirstStart> {
  if ((await countUsers(db)) > 0) {
    await adoptOwnerless(db);
    return { setupToken: null, createdAdmin: false };
  }
  if (config.adminEmail && config.adminPassword) {
    try {
      await createFirstAdmin(db, {
        email: config.adminEmail,
        name: config.adminEmail.split('@')[0] ?? 'admin',
        password: config.adminPassword,
      });
      return { setupToken: null, createdAdmin: true };
    } catch (error) {
      // Another instance starting at the same moment made it first.
      if ((await countUsers(db)) > 0) return { setupToken: null, createdAdmin: false };
      throw error;
    }
  }
  const setupToken = newSecret();
  await db
    .insertInto('setup_tokens')
    .values({ token_hash: hashSecret(setupToken), created_at: new Date().toISOString() })
    .execute();
  return { setupToken, createdAdmin: false };
}

/**
 * Uses a setup token: true (and every setup token gone) when it was valid and no account
 * exists yet. Deleting the row is the claim, so two requests cannot both use it.
 */
export async function claimSetupToken(db: Kysely<Database>, token: string): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const result = await db
    .deleteFrom('setup_tokens')
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
