/**
 * Fremtidsdialog storage over Kysely (SQLite or PostgreSQL): dialogues with a short join
 * code, statements (approved, proposed, rejected), participants known by a hashed token,
 * and answers — one per participant and statement, enforced by the primary key and
 * written as an upsert so changing one's mind updates the row. In a dialogue that requires
 * ID-porten, a participant is also known by the keyed hash of the person who signed in
 * ({@link participantIdentity}), unique per dialogue: one person, one participant.
 */
import { createHash, createHmac, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { DialogueVerification } from '@helhet/model';
import type { FremtidDialoguesTable, FremtidStatementsTable, FremtidTables } from './tables.ts';

/** Letters and digits without look-alikes (0/O, 1/I/L), for codes read off a projector. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Length of a join code: 31^6 ≈ 890 million codes. */
export const CODE_LENGTH = 6;

/** A new random join code. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A secret token (256 bits, base64url) and the hash stored in its place. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** SHA-256 of a token, hex: what the tables keep. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The identity of a signed-in person within one dialogue: HMAC-SHA-256, keyed with the
 * dialogue's own random salt, of the issuer and the subject the identity provider vouched
 * for. The same person in the same dialogue always gets the same value; the subject itself
 * is never stored, and without the salt of each dialogue two dialogues' values cannot be
 * matched to each other.
 */
export function participantIdentity(salt: string, issuer: string, subject: string): string {
  // A separator that occurs in neither part, so (issuer, subject) pairs cannot collide.
  return createHmac('sha256', Buffer.from(salt, 'base64url'))
    .update(`${issuer}\u0000${subject}`)
    .digest('hex');
}

/** What a dialogue that requires sign-in keeps for it (never part of an answer). */
export interface DialogueVerificationKeys {
  /** The identity provider chosen when the dialogue was made. */
  readonly providerId: string;
  /** Key of {@link participantIdentity}. */
  readonly salt: string;
}

/** An answer value. */
export type Answer = 'agree' | 'disagree' | 'unsure';
/** Status of a statement. */
export type StatementStatus = FremtidStatementsTable['status'];

/** A dialogue as the API shows it. */
export interface DialogueView {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly regionCode: string;
  readonly verification: DialogueVerification;
  readonly createdAt: string;
}

/** A statement as the API shows it. */
export interface StatementView {
  readonly id: string;
  readonly text: string;
  readonly figure: string | null;
  readonly status: StatementStatus;
  readonly position: number;
}

/** A statement with its answer counts. */
export interface StatementResult extends StatementView {
  readonly agree: number;
  readonly disagree: number;
  readonly unsure: number;
}

const dialogueView = (r: FremtidDialoguesTable): DialogueView => ({
  id: r.id,
  code: r.code,
  title: r.title,
  regionCode: r.region_code,
  // Rows made before verification existed have no provider: they are joined with the code.
  verification: r.verification_provider_id ? 'idporten' : 'none',
  createdAt: r.created_at,
});

type Row = FremtidStatementsTable;
const statementView = (r: Row): StatementView => ({
  id: r.id,
  text: r.text,
  figure: r.figure,
  status: r.status,
  position: Number(r.position),
});

/** The store. */
export class DialogueStore {
  readonly #db: Kysely<Database & FremtidTables>;

  constructor(db: Kysely<Database>) {
    this.#db = db.withTables<FremtidTables>();
  }

  /**
   * Creates a dialogue with its first statements; returns it and the facilitator token.
   * `verificationProviderId`: the `idporten` provider joining needs (null: the code alone).
   */
  async create(input: {
    title: string;
    regionCode: string;
    statements: readonly { text: string; figure?: string | null }[];
    verificationProviderId?: string | null;
  }): Promise<{ dialogue: DialogueView; facilitatorToken: string }> {
    const { token, hash } = newToken();
    const providerId = input.verificationProviderId ?? null;
    const now = new Date().toISOString();
    const id = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const code = newJoinCode();
      try {
        const row: FremtidDialoguesTable = {
          id,
          code,
          title: input.title,
          region_code: input.regionCode,
          facilitator_token_hash: hash,
          verification_provider_id: providerId,
          identity_salt: providerId ? randomBytes(32).toString('base64url') : null,
          created_at: now,
        };
        await this.#db.transaction().execute(async (tx) => {
          await tx.insertInto('fremtid_dialogues').values(row).execute();
          if (input.statements.length > 0)
            await tx
              .insertInto('fremtid_statements')
              .values(
                input.statements.map((s, i) => ({
                  id: randomUUID(),
                  dialogue_id: id,
                  text: s.text,
                  figure: s.figure ?? null,
                  status: 'approved' as const,
                  proposed_by: null,
                  position: i,
                  created_at: now,
                })),
              )
              .execute();
        });
        return { dialogue: dialogueView(row), facilitatorToken: token };
      } catch (e) {
        // A join code already in use (unique constraint): draw another, a few times.
        if (attempt >= 4 || !(await this.byCode(code))) throw e;
      }
    }
  }

  async #dialogue(where: 'id' | 'code', value: string): Promise<DialogueView | null> {
    const r = await this.#db
      .selectFrom('fremtid_dialogues')
      .selectAll()
      .where(where, '=', value)
      .executeTakeFirst();
    return r ? dialogueView(r) : null;
  }

  /** The provider and salt of a dialogue that requires sign-in; null for one by code. */
  async verificationKeys(id: string): Promise<DialogueVerificationKeys | null> {
    const r = await this.#db
      .selectFrom('fremtid_dialogues')
      .select(['verification_provider_id', 'identity_salt'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.verification_provider_id && r.identity_salt
      ? { providerId: r.verification_provider_id, salt: r.identity_salt }
      : null;
  }

  /** A dialogue by id. */
  get(id: string): Promise<DialogueView | null> {
    return this.#dialogue('id', id);
  }

  /** A dialogue by join code (case-insensitive). */
  byCode(code: string): Promise<DialogueView | null> {
    return this.#dialogue('code', code.toUpperCase());
  }

  /** True when `token` is the facilitator token of dialogue `id`. */
  async isFacilitator(id: string, token: string): Promise<boolean> {
    const r = await this.#db
      .selectFrom('fremtid_dialogues')
      .select('facilitator_token_hash')
      .where('id', '=', id)
      .executeTakeFirst();
    return r !== undefined && r.facilitator_token_hash === hashToken(token);
  }

  /** The participant id of `token` in dialogue `id`, or null. */
  async participant(id: string, token: string): Promise<string | null> {
    const r = await this.#db
      .selectFrom('fremtid_participants')
      .select('id')
      .where('dialogue_id', '=', id)
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst();
    return r?.id ?? null;
  }

  /** Inserts a participant of dialogue `id` known by `tokenHash` (and `identity`, if signed in). */
  async #insertParticipant(id: string, tokenHash: string, identity: string | null) {
    const participantId = randomUUID();
    await this.#db
      .insertInto('fremtid_participants')
      .values({
        id: participantId,
        dialogue_id: id,
        token_hash: tokenHash,
        identity_hash: identity,
        created_at: new Date().toISOString(),
      })
      .execute();
    return participantId;
  }

  /** Adds a participant; returns its id and secret token. */
  async join(id: string): Promise<{ participantId: string; participantToken: string }> {
    const { token, hash } = newToken();
    return {
      participantId: await this.#insertParticipant(id, hash, null),
      participantToken: token,
    };
  }

  /**
   * The participant of the signed-in person with `identity` ({@link participantIdentity}) in
   * dialogue `id`, made at their first sign-in, with a new token. The same person signing in
   * again gets the same participant (and so their own answers, never a second set); the new
   * token replaces the old one, so only the device of the latest sign-in takes part for them.
   */
  async verifiedParticipant(
    id: string,
    identity: string,
  ): Promise<{ participantId: string; participantToken: string }> {
    const { token, hash } = newToken();
    for (let attempt = 0; ; attempt++) {
      const existing = await this.#db
        .selectFrom('fremtid_participants')
        .select('id')
        .where('dialogue_id', '=', id)
        .where('identity_hash', '=', identity)
        .executeTakeFirst();
      if (existing) {
        await this.#db
          .updateTable('fremtid_participants')
          .set({ token_hash: hash })
          .where('id', '=', existing.id)
          .execute();
        return { participantId: existing.id, participantToken: token };
      }
      try {
        const participantId = await this.#insertParticipant(id, hash, identity);
        return { participantId, participantToken: token };
      } catch (error) {
        // Two first sign-ins of one person at once: the unique index lets one insert, and
        // the other finds that participant on its next round.
        if (attempt >= 1) throw error;
      }
    }
  }

  /** Statements of a dialogue in order; `all` includes proposed and rejected ones. */
  async statements(id: string, all = false): Promise<StatementView[]> {
    let q = this.#db.selectFrom('fremtid_statements').selectAll().where('dialogue_id', '=', id);
    if (!all) q = q.where('status', '=', 'approved');
    const rows = await q.orderBy('position').orderBy('created_at').execute();
    return rows.map(statementView);
  }

  async #nextPosition(id: string): Promise<number> {
    const r = await this.#db
      .selectFrom('fremtid_statements')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('dialogue_id', '=', id)
      .executeTakeFirst();
    return r?.max === null || r?.max === undefined ? 0 : Number(r.max) + 1;
  }

  /** Adds a statement (approved when the facilitator adds it, proposed from a participant). */
  async addStatement(
    id: string,
    input: { text: string; figure?: string | null },
    status: 'approved' | 'proposed',
    proposedBy: string | null = null,
  ): Promise<StatementView> {
    const row: Row = {
      id: randomUUID(),
      dialogue_id: id,
      text: input.text,
      figure: input.figure ?? null,
      status,
      proposed_by: proposedBy,
      position: await this.#nextPosition(id),
      created_at: new Date().toISOString(),
    };
    await this.#db.insertInto('fremtid_statements').values(row).execute();
    return statementView(row);
  }

  /** Sets a statement's status; null when it is not in the dialogue. */
  async setStatus(
    id: string,
    statementId: string,
    status: StatementStatus,
  ): Promise<StatementView | null> {
    await this.#db
      .updateTable('fremtid_statements')
      .set({ status })
      .where('id', '=', statementId)
      .where('dialogue_id', '=', id)
      .execute();
    const r = await this.#db
      .selectFrom('fremtid_statements')
      .selectAll()
      .where('id', '=', statementId)
      .where('dialogue_id', '=', id)
      .executeTakeFirst();
    return r ? statementView(r) : null;
  }

  /** True when the statement is approved in this dialogue (the only ones that take answers). */
  async isOpenStatement(id: string, statementId: string): Promise<boolean> {
    const r = await this.#db
      .selectFrom('fremtid_statements')
      .select('id')
      .where('id', '=', statementId)
      .where('dialogue_id', '=', id)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Records or changes a participant's answer (one row per participant and statement). */
  async answer(participantId: string, statementId: string, answer: Answer): Promise<void> {
    const updatedAt = new Date().toISOString();
    await this.#db
      .insertInto('fremtid_answers')
      .values({
        participant_id: participantId,
        statement_id: statementId,
        answer,
        updated_at: updatedAt,
      })
      .onConflict((oc) =>
        oc
          .columns(['participant_id', 'statement_id'])
          .doUpdateSet({ answer, updated_at: updatedAt }),
      )
      .execute();
  }

  /** A participant's answers by statement id. */
  async answersOf(participantId: string): Promise<Record<string, Answer>> {
    const rows = await this.#db
      .selectFrom('fremtid_answers')
      .select(['statement_id', 'answer'])
      .where('participant_id', '=', participantId)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.statement_id, r.answer]));
  }

  /** Approved statements with answer counts, and the number of participants. */
  async results(id: string): Promise<{ participants: number; statements: StatementResult[] }> {
    const statements = await this.statements(id);
    const counts = await this.#db
      .selectFrom('fremtid_answers')
      .innerJoin('fremtid_statements', 'fremtid_statements.id', 'fremtid_answers.statement_id')
      .select(['fremtid_answers.statement_id as sid', 'fremtid_answers.answer as answer'])
      .select((eb) => eb.fn.countAll().as('n'))
      .where('fremtid_statements.dialogue_id', '=', id)
      .groupBy(['fremtid_answers.statement_id', 'fremtid_answers.answer'])
      .execute();
    const by = new Map<string, Record<Answer, number>>();
    for (const c of counts) {
      const entry = by.get(c.sid) ?? { agree: 0, disagree: 0, unsure: 0 };
      entry[c.answer] = Number(c.n);
      by.set(c.sid, entry);
    }
    const p = await this.#db
      .selectFrom('fremtid_participants')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('dialogue_id', '=', id)
      .executeTakeFirst();
    return {
      participants: Number(p?.n ?? 0),
      statements: statements.map((s) => ({
        ...s,
        ...(by.get(s.id) ?? { agree: 0, disagree: 0, unsure: 0 }),
      })),
    };
  }
}
