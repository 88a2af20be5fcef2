/**
 * Identity providers: those an administrator made through the API (the
 * `identity_providers` table) and those of the `HELHET_IDENTITY_PROVIDERS` file (read-only,
 * held in memory). Secrets stay inside the server: {@link viewOf} is the only shape that
 * leaves it.
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
import type { IdentityProvidersTable, IdentityProviderTables } from './tables.ts';

/** A provider with everything the sign-in flow needs, the secret included. */
export interface IdentityProvider extends IdentityProviderInput {
  id: string;
  source: 'database' | 'file';
  createdAt: string;
  updatedAt: string;
}

/** The answer of the admin API: no secret. */
export function viewOf(p: IdentityProvider): IdentityProviderView {
  return {
    id: p.id,
    kind: p.kind,
    displayName: p.displayName,
    issuer: p.issuer,
    clientId: p.clientId,
    hasClientSecret: p.clientSecret.length > 0,
    tenant: p.tenant,
    tenantClaim: p.tenantClaim,
    emailDomains: p.emailDomains,
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

function fromRow(row: IdentityProvidersTable): IdentityProvider {
  return {
    id: row.id,
    kind: row.kind as IdentityProviderKind,
    displayName: row.display_name,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: row.client_secret,
    tenant: row.tenant,
    tenantClaim: row.tenant_claim,
    emailDomains: JSON.parse(row.email_domains) as string[],
    allowNewUsers: row.allow_new_users === 1,
    usePar: row.use_par === 1,
    scopes: JSON.parse(row.scopes) as string[],
    source: 'database',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toColumns(p: IdentityProviderInput) {
  return {
    kind: p.kind,
    display_name: p.displayName,
    issuer: p.issuer,
    client_id: p.clientId,
    client_secret: p.clientSecret,
    tenant: p.tenant,
    tenant_claim: p.tenantClaim,
    email_domains: JSON.stringify(p.emailDomains),
    allow_new_users: p.allowNewUsers ? 1 : 0,
    use_par: p.usePar ? 1 : 0,
    scopes: JSON.stringify(p.scopes),
  };
}

/** Reads and writes identity providers. */
export class IdentityProviderStore {
  readonly #db: Kysely<Database & IdentityProviderTables>;
  readonly #fromFile: ReadonlyMap<string, IdentityProvider>;

  /** `fromFile`: the providers of the config file, already validated. */
  constructor(db: Kysely<Database>, fromFile: readonly IdentityProvider[] = []) {
    this.#db = db as unknown as Kysely<Database & IdentityProviderTables>;
    this.#fromFile = new Map(fromFile.map((p) => [p.id, p]));
  }

  /** Every provider, the file's first, then the database's by creation. */
  async list(): Promise<IdentityProvider[]> {
    const rows = await this.#db
      .selectFrom('identity_providers')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return [...this.#fromFile.values(), ...rows.map(fromRow)];
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
    return row ? fromRow(row) : null;
  }

  /** True when `id` comes from the config file (and may not be changed through the API). */
  isFromFile(id: string): boolean {
    return this.#fromFile.has(id);
  }

  /** Adds a provider to the database. */
  async create(input: IdentityProviderInput): Promise<IdentityProvider> {
    const at = new Date().toISOString();
    const id = newId('idp');
    await this.#db
      .insertInto('identity_providers')
      .values({ id, ...toColumns(input), created_at: at, updated_at: at })
      .execute();
    return { ...input, id, source: 'database', createdAt: at, updatedAt: at };
  }

  /** Replaces a database provider's fields; `null` when there is none with `id`. */
  async update(id: string, input: IdentityProviderInput): Promise<IdentityProvider | null> {
    const at = new Date().toISOString();
    const result = await this.#db
      .updateTable('identity_providers')
      .set({ ...toColumns(input), updated_at: at })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return null;
    return this.get(id);
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
