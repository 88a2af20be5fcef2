/**
 * OpenID Connect single sign-on: identity providers per organisation (database and config
 * file), the sign-in flow and its routes. See `docs/access.md`, "Identity providers".
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { SignInCompleter } from './completer.ts';
import { loadIdentityProvidersFile } from './config-file.ts';
import { OidcFlow } from './flow.ts';
import { oidcRoutes } from './routes.ts';
import { IdentityProviderStore } from './store.ts';
import type { BucketSpec } from '../../rate-limit/token-buckets.ts';

export type { SignInCompleter } from './completer.ts';
export type { SignInRefusal, VerifiedIdentity } from './claims.ts';
export { SIGN_IN_PAGE } from './routes.ts';

/** What {@link installOidc} needs. */
export interface OidcOptions {
  db: Kysely<Database>;
  /** `HELHET_IDENTITY_PROVIDERS`, or `null`. */
  providersFile: string | null;
  completer: SignInCompleter;
  publicOrigin: () => string;
  /** Sign-ins a client may start (see `DEFAULT_START_LIMIT`). */
  startLimit?: BucketSpec | undefined;
}

/**
 * Loads the providers file (a broken one stops the start with a `ConfigError`) and
 * registers the routes. Returns the store, for the server's other parts.
 */
export async function installOidc(
  app: FastifyInstance,
  options: OidcOptions,
): Promise<IdentityProviderStore> {
  const fromFile = options.providersFile
    ? await loadIdentityProvidersFile(options.providersFile)
    : [];
  const providers = new IdentityProviderStore(options.db, fromFile);
  const flow = new OidcFlow(options.db, providers);
  oidcRoutes(app, {
    providers,
    flow,
    completer: options.completer,
    publicOrigin: options.publicOrigin,
    ...(options.startLimit ? { startLimit: options.startLimit } : {}),
  });
  return providers;
}
