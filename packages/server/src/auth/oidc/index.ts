/**
 * OpenID Connect single sign-on: identity providers per organisation (database and config
 * file), the sign-in flow and its routes. See `docs/access.md`, "Identity providers".
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { SignInCompleter } from './completer.ts';
import { OidcFlow } from './flow.ts';
import { oidcRoutes } from './routes.ts';
import type { SecretBox } from './secret-box.ts';
import { IdentityProviderStore, type IdentityProvider } from './store.ts';
import type { VerificationHandlers, VerificationStarter } from './verification.ts';
import type { RateLimitSpec, RateLimitStore } from '../../rate-limit/limiter.ts';

export { loadIdentityProvidersFile } from './config-file.ts';
export { SecretBox, secretKeySource } from './secret-box.ts';
export type { SignInCompleter } from './completer.ts';
export type { SignInRefusal, VerifiedIdentity } from './claims.ts';
export { SIGN_IN_PAGE } from './routes.ts';
export { SignInRefused } from './flow.ts';
export type { FinishedVerification } from './flow.ts';
export type {
  VerificationHandler,
  VerificationHandlers,
  VerificationStarter,
} from './verification.ts';

/** What {@link installOidc} needs. */
export interface OidcOptions {
  db: Kysely<Database>;
  /** The providers of the `HELHET_IDENTITY_PROVIDERS` file ({@link loadIdentityProvidersFile}). */
  providersFromFile: readonly IdentityProvider[];
  completer: SignInCompleter;
  /** The key the table's client secrets are encrypted with. */
  secrets: SecretBox;
  publicOrigin: () => string;
  /** Where rate limits are counted (Redis when configured). */
  rateLimits: RateLimitStore;
  /** Sign-ins a client may start (see `DEFAULT_START_LIMIT`). */
  startLimit?: RateLimitSpec | undefined;
  /** Who finishes flows started for a purpose, by the purpose's kind (`verification.ts`). */
  verifications?: VerificationHandlers;
}

/**
 * Registers the routes. Returns the store and what starts a verification, for the server's
 * other parts.
 */
export function installOidc(
  app: FastifyInstance,
  options: OidcOptions,
): { providers: IdentityProviderStore; verification: VerificationStarter } {
  const providers = new IdentityProviderStore(
    options.db,
    options.providersFromFile,
    options.secrets,
  );
  const flow = new OidcFlow(options.db, providers);
  const verification = oidcRoutes(app, {
    providers,
    flow,
    completer: options.completer,
    publicOrigin: options.publicOrigin,
    rateLimits: options.rateLimits,
    ...(options.startLimit ? { startLimit: options.startLimit } : {}),
    ...(options.verifications ? { verifications: options.verifications } : {}),
  });
  return { providers, verification };
}
