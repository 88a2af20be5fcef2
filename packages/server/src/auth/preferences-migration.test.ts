import { expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from '../db/migrations.ts';
import { unmigratedDatabase } from '../test/unmigrated-database.ts';
import { authenticateSessionToken } from './principal.ts';
import { createSession } from './sessions.ts';
import { accountPreferences, findUserById } from './users.ts';

it('0012 keeps every account from before, with nothing chosen; an unknown stored value reads as not chosen', async () => {
  const { db, dialect } = await unmigratedDatabase();
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  expect((await migrator.migrateTo('0011_provider_groups')).error).toBeUndefined();
  const at = new Date().toISOString();
  const old = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const id of ['u-before', 'u-odd'])
    await old
      .insertInto('users')
      .values({ id, email: `${id}@b.no`, name: id, admin: 0, active: 1, created_at: at })
      .execute();

  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const before = await findUserById(db, 'u-before');
  expect(before && accountPreferences(before)).toEqual({ language: null, presenceColour: null });

  // A value this version does not know (a later version's language, a colour by hand).
  await db
    .updateTable('users')
    .set({ language: 'se', presence_colour: '#ff0000' })
    .where('id', '=', 'u-odd')
    .execute();
  const odd = await findUserById(db, 'u-odd');
  expect(odd && accountPreferences(odd)).toEqual({ language: null, presenceColour: null });
  // The account still signs in, its settings read as not chosen.
  const session = await createSession(db, 'u-odd', { method: 'password' });
  const auth = await authenticateSessionToken(db, session.token, 'cookie');
  expect(auth?.principal).toMatchObject({ id: 'u-odd', language: null, presenceColour: null });

  await db
    .updateTable('users')
    .set({ language: 'nn', presence_colour: '#1b6b3a' })
    .where('id', '=', 'u-odd')
    .execute();
  const known = await findUserById(db, 'u-odd');
  expect(known && accountPreferences(known)).toEqual({ language: 'nn', presenceColour: '#1b6b3a' });
});
