/** Row types of the identity provider tables (migration `0006_identity_providers`). */

/** A configured OpenID Connect provider; list fields are JSON arrays, booleans 0/1. */
export interface IdentityProvidersTable {
  id: string;
  kind: string;
  display_name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  tenant: string | null;
  tenant_claim: string | null;
  email_domains: string;
  /** JSON array; null in rows from before migration `0011_provider_groups` (= any). */
  required_groups: string | null;
  allow_new_users: number;
  use_par: number;
  scopes: string;
  created_at: string;
  updated_at: string;
}

/** A sign-in under way: what the callback needs to check the provider's answer. */
export interface OidcSignInsTable {
  state_hash: string;
  provider_id: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  /** What the sign-in is for: null signs in to Helhet; `<kind>:<id>` is a verification. */
  purpose: string | null;
  expires_at: string;
}

/** The tables of this module. */
export interface IdentityProviderTables {
  identity_providers: IdentityProvidersTable;
  oidc_sign_ins: OidcSignInsTable;
}
