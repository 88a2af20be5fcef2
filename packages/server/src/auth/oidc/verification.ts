/**
 * Verifications: OpenID Connect flows run for a purpose other than signing in to Helhet,
 * such as a Fremtidsdialog that needs each participant to sign in with ID-porten. They use
 * the same flow (PKCE, PAR, state, nonce, the ID token's checks) and the same redirect URI
 * as sign-in, which is all a provider like ID-porten has registered; the purpose stored with
 * the state tells the callback which {@link VerificationHandler} finishes it. No account is
 * made and no session is started.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignInRefusal } from './claims.ts';
import type { FinishedVerification } from './flow.ts';
import type { IdentityProvider } from './store.ts';

/** Finishes the verifications of one kind of purpose. */
export interface VerificationHandler {
  /** A verification that passed every check: answers the browser (a redirect). */
  verified(
    request: FastifyRequest,
    reply: FastifyReply,
    done: FinishedVerification,
  ): Promise<FastifyReply>;
  /** A refused one: sends the browser back to its own page with `refusal`. */
  refused(reply: FastifyReply, purpose: string, refusal: SignInRefusal): Promise<FastifyReply>;
}

/** Handlers by the kind of purpose: the part of `<kind>:<id>` before the colon. */
export type VerificationHandlers = Readonly<Record<string, VerificationHandler>>;

/** The kind of a purpose `<kind>:<id>`. */
export function purposeKind(purpose: string): string {
  const at = purpose.indexOf(':');
  return at < 0 ? purpose : purpose.slice(0, at);
}

/** Starts verifications (given to the parts of the server that need them). */
export interface VerificationStarter {
  /** Every configured provider (the caller picks the one its purpose needs). */
  providers(): Promise<IdentityProvider[]>;
  /** One provider, or null. */
  provider(id: string): Promise<IdentityProvider | null>;
  /**
   * Sends the browser to `provider` for `purpose` (sets the state cookie on `reply`); the
   * callback comes back to the handler of the purpose's kind. Throws `SignInRefused`.
   */
  start(
    reply: FastifyReply,
    provider: IdentityProvider,
    purpose: string,
    returnTo: string,
  ): Promise<FastifyReply>;
}
