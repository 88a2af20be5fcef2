/**
 * Row types of the access tables (migration `0005_access`, `auth/migration.ts`). Booleans are
 * integers 0/1 in both dialects; timestamps are ISO 8601 strings; every secret (session and
 * API tokens, invitation and share-link tokens, the setup token) is stored as its SHA-256
 * hash only, and passwords and pass codes as argon2id hashes.
 */
import type { Generated } from 'kysely';

/** An account. */
export interface UsersTable {
  id: string;
  /** Lower-case, unique. */
  email: string;
  name: string;
  /** argon2id PHC string; null for accounts that only sign in through an identity provider. */
  password_hash: string | null;
  admin: number;
  active: number;
  created_at: string;
  last_sign_in_at: string | null;
  /**
   * The interface language chosen for the account (`nb`, `nn`, `en`); null when not chosen
   * (migration 0012). Read through `accountPreferences`: an unknown value reads as null.
   */
  language: string | null;
  /** The presence colour chosen for the account (one of `PRESENCE_COLOURS`), or null. */
  presence_colour: string | null;
}

/** A signed-in browser: an account's or a guest's session. */
export interface SessionsTable {
  token_hash: string;
  /** Opaque and not secret: how the account page names a session (migration 0009). */
  id: string;
  /** How it was signed in (`password`, `oidc`, …); null for sessions from before 0009. */
  method: string | null;
  user_id: string | null;
  guest_id: string | null;
  created_at: string;
  last_used_at: string;
  /** The absolute expiry (14 days after sign-in, or the share link's expiry for a guest). */
  expires_at: string;
  user_agent: string | null;
}

/** A personal API token (`hlt_…`). */
export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** An account's role in a workspace. */
export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

/** An invitation to a workspace, by e-mail or (no e-mail) by link. */
export interface InvitationsTable {
  id: string;
  token_hash: string;
  workspace_id: string;
  role: string;
  email: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

/** A workshop share link. */
export interface ShareLinksTable {
  id: string;
  token_hash: string;
  workspace_id: string;
  role: string;
  label: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  pass_code_hash: string | null;
  revoked_at: string | null;
}

/** Someone who joined a workspace through a share link. */
export interface GuestsTable {
  id: string;
  name: string;
  share_link_id: string;
  workspace_id: string;
  created_at: string;
}

/** One-time tokens of the first-start setup link (deleted once the administrator exists). */
export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
}

/** Something done that an administrator may need to trace. */
export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  /** `user:<id>`, `guest:<id>`, or null (anonymous, the system). */
  actor: string | null;
  action: string;
  /** No foreign key: events outlive the workspace. */
  workspace_id: string | null;
  /** JSON object. */
  details: string;
  address: string | null;
}

/** A single sign-on identity linked to an account (migration `0010_linked_identities`). */
export interface LinkedIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  provider_id: string;
  created_at: string;
  last_sign_in_at: string;
}

/** The access tables, part of the database type. */
export interface AccessTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  share_links: ShareLinksTable;
  guests: GuestsTable;
  setup_tokens: SetupTokensTable;
  audit_events: AuditEventsTable;
  linked_identities: LinkedIdentitiesTable;
}
