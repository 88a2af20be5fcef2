import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from '../../db/migrations.ts';
import { unmigratedDatabase } from '../../test/unmigrated-database.ts';
import { SecretBox } from './secret-box.ts';
import { IdentityProviderStore } from './store.ts';

it('0011 keeps every provider stored before it, requiring no group', async () => {
  const { db, dialect } = await unmigratedDatabase();
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  expect((await migrator.migrateTo('0010_linked_identities')).error).toBeUndefined();
  const at = new Date().toISOString();
  const old = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  await old
    .insertInto('identity_providers')
    .values({
      id: 'idp-old',
      kind: 'generic',
      display_name: 'Kommunen',
      issuer: 'https://idp.kommune.no',
      client_id: 'helhet',
      client_secret: 'plain-from-an-earlier-version',
      tenant: null,
      tenant_claim: null,
      email_domains: '["kommune.no"]',
      allow_new_users: 1,
      use_par: 0,
      scopes: '["openid","email","profile"]',
      created_at: at,
      updated_at: at,
    })
    .execute();

  expect((await migrator.migrateToLatest()).error).toBeUndefined();
  const store = new IdentityProviderStore(
    db,
    [],
    new SecretBox({ kind: 'given', key: randomBytes(32) }),
  );
  const [provider, ...rest] = await store.list();
  expect(rest).toEqual([]);
  expect(provider).toMatchObject({
    id: 'idp-old',
    emailDomains: ['kommune.no'],
    requiredGroups: [],
    clientSecret: 'plain-from-an-earlier-version',
  });
});
