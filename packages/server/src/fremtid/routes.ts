/**
 * Every Fremtid 2040 route: the demography data for the browser and (in their own files) the
 * Fremtidsdialog API and its ID-porten sign-in. One entry point so the server's `index.ts`
 * registers them in one line.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/migrations.ts';
import type { Database } from '../db/tables.ts';
import { fremtidDataRoutes } from './data-routes.ts';
import { allowEmbedding } from './embed-headers.ts';
import { DialogueStore } from './dialogue-store.ts';
import { fremtidDialogueRoutes } from './dialogue-routes.ts';
import type { RateLimitStore } from '../rate-limit/limiter.ts';
import { dialogueLimiters, type DialogueLimits } from './rate-limit.ts';
import type { VerificationStarter } from '../auth/oidc/verification.ts';
import { dialogueVerificationRoutes } from './verification.ts';

/** What the Fremtid routes need from the server. */
export interface FremtidContext {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** Where the dialogue routes' rate limits are counted (Redis or memory). */
  readonly rateLimits: RateLimitStore;
  /** Rate limits of the dialogue routes (tests use small ones). */
  readonly dialogueLimits?: DialogueLimits;
  /** Prepare the demography data at start (when the web app's pages are served). */
  readonly warmData?: boolean;
  /** Starts ID-porten sign-ins for the dialogues that require one. */
  readonly verification: VerificationStarter;
  /** Served over HTTPS (cookies are `Secure`). */
  readonly secure: boolean;
}

/** Registers the Fremtid 2040 routes. */
export function fremtidRoutes(app: FastifyInstance, ctx: FremtidContext): void {
  fremtidDataRoutes(app, { warm: ctx.warmData });
  allowEmbedding(app);
  const store = new DialogueStore(ctx.db);
  const limits = dialogueLimiters(ctx.rateLimits, ctx.dialogueLimits);
  fremtidDialogueRoutes(app, store, limits, ctx.verification);
  dialogueVerificationRoutes(app, store, limits, ctx.verification, ctx.secure);
}
