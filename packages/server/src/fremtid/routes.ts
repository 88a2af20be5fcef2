/**
 * Every Fremtid 2040 route: the demography data for the browser and (in its own file) the
 * Fremtidsdialog API. One entry point so the server's `index.ts` registers them in one line.
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
}

/** Registers the Fremtid 2040 routes. */
export function fremtidRoutes(app: FastifyInstance, ctx: FremtidContext): void {
  fremtidDataRoutes(app, { warm: ctx.warmData });
  allowEmbedding(app);
  fremtidDialogueRoutes(
    app,
    new DialogueStore(ctx.db),
    dialogueLimiters(ctx.rateLimits, ctx.dialogueLimits),
  );
}
