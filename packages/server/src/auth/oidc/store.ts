/**
 * Identity providers: those an administrator made through the API (the
 * `identity_providers` table) and those of the `HELHET_IDENTITY_PROVIDERS` file (read-only,
 * held in memory). Secrets stay inside the server: {@link viewOf} is the only shape that
 * leaves it, and the table holds them encrypted ({@link SecretBox}).
 */
import type { Kysely } from 'kysely';
import { newId } from '@helhet/model';
import type { Database } from '../../db/tables.ts';
import type {
  IdentityProviderInput,
  IdentityProviderKind,
  IdentityProviderView,
  SignInOption,
} from '@helhet/model';
import { isSealed, SecretBox, SecretUnreadable } from './secret-box.ts';
import type { IdentityProvidersTable, IdentityProviderTables } from './tables.ts';

/** A provider with everything the sign-in flow needs, the secret included. */
export interface IdentityProvider extends IdentityProviderInput {
  id: string;
  source: 'database' | 'file';
  createdAt: string;
  updatedAt: string;
  /**
   * Why the stored secret cannot be decrypted (another key, an altered value); `clientSecret`
   * is then empty. The provider is still listed, so an administrator can replace the secret.
   */
  secretUnreadable?: string;
}

/** The fields an administrator sets, without the store's own (id, source, times). */
export function fieldsOf(p: IdentityProvider): IdentityProviderInput {
  const {
    id: _id,
    source: _source,
    createdAt: _created,
    updatedAt: _updated,
    secretUnreadable: _unreadable,
    ...fields
  } = p;
  return fields;
}

/** The answer of the admin API: no secret. */
export function viewOf(p: IdentityProvider): IdentityProviderView {
  return {
    id: p.id,
    kind: p.kind,
    displayName: p.displayName,
    issuer: p.issuer,
    clientId: p.clientId,
    hasClientSecret: p.clientSecret.length > 0 || p.secretUnreadable !== undefined,
    secretUnreadable: p.secretUnreadable !== undefined,
    tenant: p.tenant,
    tenantClaim: p.tenantClaim,
    emailDomains: p.emailDomains,
    requiredGroups: p.requiredGroups,
    allowNewUsers: p.allowNewUsers,
    usePar: p.usePar,
    scopes: p.scopes,
    source: p.source,
    createdAt: p.createdAt,
  };
}

/** What the login page shows of a provider. */
export function signInOptionOf(p: IdentityProvider): SignInOption {
  return { id: p.id, kind: p.kind, displayName: p.displayName };
}

function fromRow(row: IdentityProvidersTable, box: SecretBox): IdentityProvider {
  // A secret that does not decrypt leaves the provider listed (a read never drops a
  // record), with the reason for the sign-in flow to report.
  let clientSecret = '';
  let secretUnreadable: string | undefined;
  try {
    clientSecret = box.open(row.client_secret);
  } catch (error) {
    if (!(error instanceof SecretUnreadable)) throw error;
    secretUnreadable = error.message;
  }
  return {
    id: row.id,
    kind: row.kind as IdentityProviderKind,
    displayName: row.display_name,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret,
    tenant: row.tenant,
    tenantClaim: row.tenant_claim,
    emailDomains: JSON.parse(row.email_domains) as string[],
    requiredGroups:
      row.required_groups === null ? [] : (JSON.parse(row.required_groups) as string[]),
    allowNewUsers: row.allow_new_users === 1,
    usePar: row.use_par === 1,
    scopes: JSON.parse(row.scopes) as string[],
    source: 'database',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(secretUnreadable === undefined ? {} : { secretUnreadable }),
  };
}

/** The columns of `p` but the secret's. */
function toColumns(p: IdentityProviderInput) {
  return {
    kind: p.kind,
    display_name: p.displayName,
    issuer: p.issuer,
    client_id: p.clientId,
    tenant: p.tenant,
    tenant_claim: p.tenantClaim,
    email_domains: JSON.stringify(p.emailDomains),
    required_groups: JSON.stringify(p.requiredGroups),
    allow_new_users: p.allowNewUsers ? 1 : 0,
    use_par: p.usePar ? 1 : 0,
    scopes: JSON.stringify(p.scopes),
  };
}

/** Reads and writes identity providers. */
export class IdentityProviderStore {
  readonly #db: Kysely<Database & IdentityProviderTables>;
  readonly #fromFile: ReadonlyMap<string, IdentityProvider>;
  readonly #box: SecretBox;

  /**
   * `fromFile`: the providers of the config file, already validated; `box`: the key the
   * table's secrets are encrypted with.
   */
  constructor(db: Kysely<Database>, fromFile: readonly IdentityProvider[], box: SecretBox) {
    this.#db = db as unknown as Kysely<Database & IdentityProviderTables>;
    this.#fromFile = new Map(fromFile.map((p) => [p.id, p]));
    this.#box = box;
  }

  /** Every provider, the file's first, then the database's by creation. */
  async list(): Promise<IdentityProvider[]> {
    const rows = await this.#db
      .selectFrom('identity_providers')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return [...this.#fromFile.values(), ...rows.map((row) => fromRow(row, this.#box))];
  }

  /** One provider, or `null`. */
  async get(id: string): Promise<IdentityProvider | null> {
    const fromFile = this.#fromFile.get(id);
    if (fromFile) return fromFile;
    const row = await this.#db
      .selectFrom('identity_providers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? fromRow(row, this.#box) : null;
  }

  /** True when `id` comes from the config file (and may not be changed through the API). */
  isFromFile(id: string): boolean {
    return this.#fromFile.has(id);
  }

  /**
   * Adds a provider to the database, its secret encrypted. Throws `SecretKeyMissing` when
   * there is no key to encrypt it with (PostgreSQL without `HELHET_SECRET_KEY`).
   */
  async create(input: IdentityProviderInput): Promise<IdentityProvider> {
    const at = new Date().toISOString();
    const id = newId('idp');
    const client_secret = this.#box.seal(input.clientSecret);
    await this.#db
      .insertInto('identity_providers')
      .values({ id, ...toColumns(input), client_secret, created_at: at, updated_at: at })
      .execute();
    return { ...input, id, source: 'database', createdAt: at, updatedAt: at };
  }

  /**
   * Replaces a database provider's fields; `null` when there is none with `id`.
   * `secretGiven`: the change names a new secret. The secret is written (encrypted) when it
   * is new or a key is at hand (which also seals one an earlier version stored in plain
   * text); without a key an unchanged secret stays as stored, and a new one throws
   * `SecretKeyMissing`.
   */
  async update(
    id: string,
    input: IdentityProviderInput,
    { secretGiven }: { secretGiven: boolean },
  ): Promise<IdentityProvider | null> {
    const at = new Date().toISOString();
    const secret =
      secretGiven || this.#box.canSeal ? { client_secret: this.#box.seal(input.clientSecret) } : {};
    const result = await this.#db
      .updateTable('identity_providers')
      .set({ ...toColumns(input), ...secret, updated_at: at })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return null;
    return this.get(id);
  }

  /**
   * Encrypts the secrets an earlier version stored in plain text, when a key is at hand (with
   * SQLite this makes the key file if there is none yet). Returns how many were sealed.
   */
  async sealPlainSecrets(): Promise<number> {
    if (!this.#box.canSeal) return 0;
    const rows = await this.#db
      .selectFrom('identity_providers')
      .select(['id', 'client_secret'])
      .execute();
    let sealed = 0;
    for (const row of rows) {
      if (isSealed(row.client_secret)) continue;
      // Only if still the same plain value: another instance may have sealed it meanwhile.
      const result = await this.#db
        .updateTable('identity_providers')
        .set({ client_secret: this.#box.seal(row.client_secret) })
        .where('id', '=', row.id)
        .where('client_secret', '=', row.client_secret)
        .executeTakeFirst();
      sealed += Number(result.numUpdatedRows);
    }
    return sealed;
  }

  /** Deletes a database provider; false when there was none. */
  async delete(id: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('identity_providers')
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
