/** Row types of the Fremtidsdialog tables (see `migration.ts`), as Kysely sees them. */

/** A dialogue: one facilitated debate about a municipality's (or county's) figures. */
export interface FremtidDialoguesTable {
  id: string;
  /** Short join code participants type, e.g. `K7M2QX`. */
  code: string;
  title: string;
  region_code: string;
  facilitator_token_hash: string;
  /** The `idporten` identity provider joining needs; null: the code alone (and older rows). */
  verification_provider_id: string | null;
  /** Random key (base64url) of the participants' identity hashes; null without verification. */
  identity_salt: string | null;
  created_at: string;
}

/** A statement people agree or disagree with; proposals wait for the facilitator. */
export interface FremtidStatementsTable {
  id: string;
  dialogue_id: string;
  text: string;
  /** The figure it is tied to, e.g. `aldersbaereevne-2040`, or null. */
  figure: string | null;
  status: 'approved' | 'proposed' | 'rejected';
  proposed_by: string | null;
  position: number;
  created_at: string;
}

/** A participant without an account: known by a token kept in their browser. */
export interface FremtidParticipantsTable {
  id: string;
  dialogue_id: string;
  token_hash: string;
  /**
   * HMAC-SHA-256 (keyed with the dialogue's `identity_salt`) of the issuer and subject of the
   * person who signed in with ID-porten; null for participants who joined with the code.
   */
  identity_hash: string | null;
  created_at: string;
}

/** One participant's answer to one statement (primary key: both). */
export interface FremtidAnswersTable {
  participant_id: string;
  statement_id: string;
  answer: 'agree' | 'disagree' | 'unsure';
  updated_at: string;
}

/** The Fremtidsdialog tables. */
export type FremtidTables = {
  fremtid_dialogues: FremtidDialoguesTable;
  fremtid_statements: FremtidStatementsTable;
  fremtid_participants: FremtidParticipantsTable;
  fremtid_answers: FremtidAnswersTable;
};
