/**
 * Rate limits of Fremtidsdialog, on the server's one rate-limit mechanism
 * (`rate-limit/limiter.ts`: shared through Redis between instances when configured).
 *
 * The figures are set for the hardest real case: a council hall where 120 or more people
 * join from their phones within a couple of minutes, all behind the hall's one NAT address,
 * and then answer a dozen statements each and change their minds. What the limits must stop
 * is one script making participants by the hundred to swing a statement, or guessing join
 * codes to find dialogues it was not told about. A determined attacker with many addresses
 * is not stopped by any per-address limit; a citizen dialogue that needs one verified person
 * per answer needs sign-in (ID-porten), not rate limits.
 */
import { createRateLimiter, type RateLimiter, type RateLimitStore } from '../rate-limit/limiter.ts';

/** A budget: `points` within `durationS` seconds. */
export interface Budget {
  readonly points: number;
  readonly durationS: number;
}

/** Budgets of the dialogue routes (see {@link DEFAULT_DIALOGUE_LIMITS} for why these). */
export interface DialogueLimits {
  /** Join codes that find no dialogue, per network address. */
  readonly lookupMisses: Budget;
  /** Joins per network address and dialogue. */
  readonly joinPerAddress: Budget;
  /** Joins per device (its id in the join body) and dialogue. */
  readonly joinPerDevice: Budget;
  /** Joins without a device id, per network address and dialogue. */
  readonly joinWithoutDevice: Budget;
  /** Answers per participant (server-assigned, from the participant token). */
  readonly answerPerParticipant: Budget;
  /** Proposals per participant. */
  readonly proposePerParticipant: Budget;
  /** New dialogues per network address. */
  readonly createPerAddress: Budget;
  /** ID-porten sign-ins started, per network address and dialogue (dialogues that need it). */
  readonly signInPerAddress: Budget;
}

/**
 * The defaults, and why:
 * - **lookupMisses 30 per address per 5 min.** A mistyped code costs one; a hall of 120
 *   where one in five mistypes once stays well inside. Only misses count (a found code
 *   costs nothing), because every participant's page looks its dialogue up again
 *   every 5 s. Codes are 6 of 31 characters (≈ 8.9·10⁸); with 100 live dialogues a guess
 *   hits with p ≈ 1.1·10⁻⁷, so one address at 0.1 guesses/s needs ~3 years on average
 *   (it was 2.7 hours at 916 guesses/s without a limit).
 * - **joinPerAddress 200 per address and dialogue per 10 min.** A hall of 120 behind one
 *   NAT joins within the first window with room for late-comers and re-joins; a script on
 *   one address gets at most 200 participants per 10 minutes instead of 100 in 1.6 s.
 * - **joinPerDevice 5 per device and dialogue per hour.** A phone joins once (its token is
 *   kept); a few more cover a second browser on it or lost storage. A script that keeps its
 *   device id is stopped after 5.
 * - **joinWithoutDevice 20 per address and dialogue per 10 min.** The web app always sends a
 *   device id; other clients without one share this smaller budget.
 * - **answerPerParticipant 120 per participant per minute.** Per participant rather than per
 *   address, so a hall is not limited by its NAT (today's per-address limit refused 196 of
 *   500 answers of 120 participants). A person answers a dozen statements and changes their
 *   mind a few times; 2 a second for a minute is far beyond that. An answer replaces the
 *   participant's earlier one, so more answers never weigh more.
 * - **proposePerParticipant 10 per participant per 10 min**, since each proposal waits for the
 *   facilitator to read it.
 * - **createPerAddress 20 per address per 10 min**: a facilitator makes one or two.
 * - **signInPerAddress 200 per address and dialogue per 10 min**, for dialogues that require
 *   ID-porten: the same hall as joinPerAddress signs in instead of joining by code. Each
 *   start keeps a row for 10 minutes and pushes a request to ID-porten, which this bounds;
 *   the people themselves are counted by ID-porten (one person is one participant however
 *   often they sign in). Deliberately not the sign-in page's 30 per client per minute,
 *   which a hall behind one NAT address would exhaust.
 */
export const DEFAULT_DIALOGUE_LIMITS: DialogueLimits = {
  lookupMisses: { points: 30, durationS: 300 },
  joinPerAddress: { points: 200, durationS: 600 },
  joinPerDevice: { points: 5, durationS: 3600 },
  joinWithoutDevice: { points: 20, durationS: 600 },
  answerPerParticipant: { points: 120, durationS: 60 },
  proposePerParticipant: { points: 10, durationS: 600 },
  createPerAddress: { points: 20, durationS: 600 },
  signInPerAddress: { points: 200, durationS: 600 },
};

/** One limiter per budget of {@link DialogueLimits}. */
export type DialogueLimiters = { readonly [K in keyof DialogueLimits]: RateLimiter };

/** The limiters of `limits` in `store`; `prefix` keeps tests' Redis keys apart. */
export function dialogueLimiters(
  store: RateLimitStore,
  limits: DialogueLimits = DEFAULT_DIALOGUE_LIMITS,
  prefix = 'fremtid',
): DialogueLimiters {
  const make = (name: keyof DialogueLimits) =>
    createRateLimiter(store, { ...limits[name], prefix: `${prefix}:${name}` });
  return {
    lookupMisses: make('lookupMisses'),
    joinPerAddress: make('joinPerAddress'),
    joinPerDevice: make('joinPerDevice'),
    joinWithoutDevice: make('joinWithoutDevice'),
    answerPerParticipant: make('answerPerParticipant'),
    proposePerParticipant: make('proposePerParticipant'),
    createPerAddress: make('createPerAddress'),
    signInPerAddress: make('signInPerAddress'),
  };
}
