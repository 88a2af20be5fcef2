/**
 * Request and response bodies of Fremtidsdialog (`/api/fremtid/dialogues`), shared by the
 * server's routes and the web client.
 */
import { z } from 'zod';

/** An answer to a statement. */
export const DIALOGUE_ANSWERS = ['agree', 'disagree', 'unsure'] as const;
/** One of {@link DIALOGUE_ANSWERS}. */
export const DialogueAnswer = z.enum(DIALOGUE_ANSWERS);
/** See {@link DialogueAnswer}. */
export type DialogueAnswer = z.infer<typeof DialogueAnswer>;

const StatementText = z.string().trim().min(3, 'must be at least 3 characters').max(280);
/** A figure a statement is tied to, e.g. `aldersbaereevne-2040`. */
export const DialogueFigureKey = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a figure key like "aldersbaereevne-2040"')
  .max(64);

/**
 * How participants take part: `none` joins with the code alone; `idporten` asks each person
 * to sign in with ID-porten first (one verified person, one participant), through an
 * identity provider of that kind configured on the instance.
 */
export const DIALOGUE_VERIFICATIONS = ['none', 'idporten'] as const;
/** One of {@link DIALOGUE_VERIFICATIONS}. */
export const DialogueVerification = z.enum(DIALOGUE_VERIFICATIONS);
/** See {@link DialogueVerification}. */
export type DialogueVerification = z.infer<typeof DialogueVerification>;

/**
 * Codes of a refused ID-porten sign-in for a dialogue, as the participant page receives them
 * (`/fremtid/dialog/<code>?error=<code>`): the sign-in refusals of the identity provider
 * flow, `verification-unavailable` when no ID-porten provider is configured and
 * `dialogue-not-found` for a dialogue that does not exist (any more).
 */
export const DIALOGUE_VERIFICATION_ERRORS = [
  'verification-unavailable',
  'dialogue-not-found',
  'provider-error',
  'state-mismatch',
  'token-rejected',
  'rate-limited',
] as const;
/** One of {@link DIALOGUE_VERIFICATION_ERRORS}. */
export type DialogueVerificationError = (typeof DIALOGUE_VERIFICATION_ERRORS)[number];

/** Body of POST /api/fremtid/dialogues. */
export const DialogueInput = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(120),
  regionCode: z
    .string()
    .regex(/^(\d{4}|\d{2}|0)$/, 'must be a municipality (4 digits), county (2) or 0'),
  statements: z
    .array(z.object({ text: StatementText, figure: DialogueFigureKey.nullable().optional() }))
    .max(50)
    .default([]),
  verification: DialogueVerification.default('none'),
});
/** Body of POST …/statements (a facilitator adds a statement). */
export const StatementInput = z.object({
  text: StatementText,
  figure: DialogueFigureKey.nullable().optional(),
});
/** Body of POST …/proposals (a participant proposes a statement). */
export const ProposalInput = z.object({ text: StatementText });
/** Body of PUT …/answers/:sid. */
export const AnswerInput = z.object({ answer: DialogueAnswer });
/** Body of PATCH …/statements/:sid (the facilitator decides on a proposal). */
export const StatementStatusInput = z.object({ status: z.enum(['approved', 'rejected']) });

/** A dialogue as the API shows it. */
export const Dialogue = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  /** `idporten`: joining needs ID-porten sign-in; the code alone is refused. */
  verification: DialogueVerification,
  createdAt: z.string(),
});
/** See {@link Dialogue}. */
export type Dialogue = z.infer<typeof Dialogue>;

/** A statement of a dialogue. */
export const Statement = z.object({
  id: z.string(),
  text: z.string(),
  figure: z.string().nullable(),
  status: z.enum(['approved', 'proposed', 'rejected']),
  position: z.number(),
});
/** See {@link Statement}. */
export type Statement = z.infer<typeof Statement>;

/** A statement with its answer counts. */
export const StatementResult = Statement.extend({
  agree: z.number(),
  disagree: z.number(),
  unsure: z.number(),
});
/** See {@link StatementResult}. */
export type StatementResult = z.infer<typeof StatementResult>;

/** Response of creating a dialogue: the secret facilitator token is shown once. */
export const CreatedDialogue = z.object({ dialogue: Dialogue, facilitatorToken: z.string() });
/** A dialogue with its statements (public: approved ones; facilitator: all). */
export const DialogueWithStatements = z.object({
  dialogue: Dialogue,
  statements: z.array(Statement),
});
/**
 * Body of joining a dialogue: the device's own random id (kept in the browser's storage), so
 * the server can count joins per device as well as per network address. Optional, but joins
 * without it share a small budget per address.
 */
export const JoinInput = z.object({
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16 to 64 letters, digits, "-" or "_"')
    .optional(),
});
/** See {@link JoinInput}. */
export type JoinInput = z.infer<typeof JoinInput>;
/** Response of joining a dialogue. */
export const JoinedDialogue = z.object({ participantId: z.string(), participantToken: z.string() });
/**
 * Response of `POST …/verification/token`: the participant token an ID-porten sign-in left
 * for this browser (taken once), or null when there is none.
 */
export const SignedInParticipant = z.object({ participantToken: z.string().nullable() });
/** Response of answering a statement: the answer as stored. */
export const AnswerGiven = z.object({ answer: DialogueAnswer });
/** A participant's own answers, by statement id. */
export const OwnAnswers = z.object({ answers: z.record(z.string(), DialogueAnswer) });
/** Live results of a dialogue. */
export const DialogueResults = z.object({
  dialogue: Dialogue,
  participants: z.number(),
  statements: z.array(StatementResult),
});
/** See {@link DialogueResults}. */
export type DialogueResults = z.infer<typeof DialogueResults>;
