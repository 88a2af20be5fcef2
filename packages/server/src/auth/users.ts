/**
 * Accounts: create, find by e-mail or id, list, count. E-mail addresses are kept lower-case
 * and unique. Exported as plain functions so every way of signing in (password, setup link,
 * invitation, OpenID Connect) finds and creates accounts the same way.
 */
import type { Kysely, Selectable } from 'kysely';
import {
  isPresenceColour,
  newId,
  UiLanguage,
  type AccountPreferences,
  type Principal,
  type UserRecord,
} from '@helhet/model';
import type { Database } from '../db/tables.ts';
import type { UsersTable } from './tables.ts';

/** An account row. */
export type UserRow = Selectable<UsersTable>;

/** What a new account needs. */
export interface NewUser {
  email: string;
  name: string;
  /** An argon2id hash (`hashPassword`), or null for single-sign-on accounts. */
  passwordHash: string | null;
  admin?: boolean;
}

/** Normalises an e-mail address as stored (trimmed, lower-case). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates an account. Throws on a duplicate e-mail (the unique index decides). */
export async function createUser(db: Kysely<Database>, user: NewUser): Promise<UserRow> {
  const row: UserRow = {
    id: newId('u'),
    email: normaliseEmail(user.email),
    name: user.name.trim(),
    password_hash: user.passwordHash,
    admin: user.admin ? 1 : 0,
    active: 1,
    created_at: new Date().toISOString(),
    last_sign_in_at: null,
    language: null,
    presence_colour: null,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

/** The account with this e-mail address (any case), or undefined. */
export async function findUserByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
}

/** The account with this id, or undefined. */
export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every account, oldest first. */
export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** How many accounts exist. */
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Notes a successful sign-in. */
export async function recordSignIn(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ last_sign_in_at: new Date().toISOString() })
    .where('id', '=', userId)
    .execute();
}

/** An account as the API shows it. */
export function toUserRecord(row: UserRow): UserRecord {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    admin: row.admin === 1,
    active: row.active === 1,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

/**
 * An account's settings as stored, read leniently: a value outside today's lists (written by
 * a later version, or by hand) reads as not chosen, so the account still signs in.
 */
export function accountPreferences(row: UserRow): AccountPreferences {
  return {
    language: UiLanguage.safeParse(row.language).data ?? null,
    presenceColour: isPresenceColour(row.presence_colour) ? row.presence_colour : null,
  };
}

/** Changes the settings given (null forgets a choice); what is left out stays. */
export async function updateAccountPreferences(
  db: Kysely<Database>,
  userId: string,
  patch: Partial<AccountPreferences>,
): Promise<void> {
  const set: Partial<Pick<UserRow, 'language' | 'presence_colour'>> = {};
  if (patch.language !== undefined) set.language = patch.language;
  if (patch.presenceColour !== undefined) set.presence_colour = patch.presenceColour;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('users').set(set).where('id', '=', userId).execute();
}

/** The principal of an account row, with its settings. */
export function userPrincipal(user: UserRow): Principal {
  return {
    kind: 'user',
    id: user.id,
    name: user.name,
    email: user.email,
    admin: user.admin === 1,
    ...accountPreferences(user),
  };
}
