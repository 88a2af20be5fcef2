/**
 * What the OpenID Connect flow needs from accounts and sessions, kept to two calls so the
 * flow does not depend on how accounts are stored.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignInRefusal, VerifiedIdentity } from './claims.ts';
import type { IdentityProvider } from './store.ts';

/** Finishes a sign-in whose identity the provider has vouched for. */
export interface SignInCompleter {
  /**
   * The account linked to the identity's issuer and subject; else, when the provider vouches
   * for the e-mail address (`identity.emailVerified`), the account with that address, made
   * now when there is none and the provider allows new users (`provider.allowNewUsers`), and
   * linked. Refused when the address is not vouched for, the person may not join, or the
   * account is deactivated.
   */
  findOrCreateUser(
    identity: VerifiedIdentity,
    provider: Pick<IdentityProvider, 'id' | 'kind' | 'allowNewUsers'>,
  ): Promise<{ userId: string } | { refused: SignInRefusal }>;
  /** Starts a session for `userId` (sets the session cookie on `reply`). */
  startSession(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void>;
  /** Notes a refused sign-in (the audit log); `providerId` is null when it is not known. */
  refused?(
    request: FastifyRequest,
    refusal: SignInRefusal,
    providerId: string | null,
  ): Promise<void>;
}
