import { expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from '../db/migrations.ts';
import { unmigratedDatabase } from '../test/unmigrated-database.ts';

it('0009 gives every session from before its own opaque id, and no method', async () => {
  const { db, dialect } = await unmigratedDatabase();
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  expect((await migrator.migrateTo('0007_admin')).error).toBeUndefined();
  const at = new Date().toISOString();
  const old = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  await old
    .insertInto('users')
    .values({ id: 'u1', email: 'a@b.no', name: 'A', admin: 0, active: 1, created_at: at })
    .execute();
  for (const hash of ['hash-1', 'hash-2'])
    await old
      .insertInto('sessions')
      .values({
        token_hash: hash,
        user_id: 'u1',
        created_at: at,
        last_used_at: at,
        expires_at: at,
        user_agent: null,
      })
      .execute();

  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const rows = await db.selectFrom('sessions').select(['token_hash', 'id', 'method']).execute();
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    expect(row.id).toMatch(/^s[\w-]{12}$/);
    expect(row.id).not.toContain(row.token_hash);
    expect(row.method).toBeNull();
  }
  expect(new Set(rows.map((r) => r.id)).size).toBe(2);
});
