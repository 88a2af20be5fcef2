/**
 * The OpenID Connect authorisation code flow with PKCE (S256), through `openid-client`:
 * {@link OidcFlow.start} makes the authorisation request (pushed first when the provider is
 * configured for PAR, as ID-porten and Ansattporten require) and remembers its state, nonce
 * and code verifier; {@link OidcFlow.finish} checks the callback (state against the
 * browser's cookie, then `openid-client` checks the ID token's signature, issuer, audience,
 * expiry and nonce while exchanging the code), maps the claims and applies the provider's
 * restrictions.
 *
 * A flow may also run for a purpose other than signing in to Helhet (a dialogue that needs
 * each participant to sign in with ID-porten): the purpose is stored with the state at the
 * start, and {@link OidcFlow.finish} then hands back only the verified issuer and subject —
 * no account, no session, no e-mail needed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { Database } from '../../db/tables.ts';
import { identityFromClaims, type SignInRefusal, type VerifiedIdentity } from './claims.ts';
import { isLoopbackUrl } from '@helhet/model';
import type { IdentityProvider, IdentityProviderStore } from './store.ts';
import type { IdentityProviderTables, OidcSignInsTable } from './tables.ts';

/** Path of the one redirect URI every provider is registered with. */
export const CALLBACK_PATH = '/api/auth/oidc/callback';
/** How long a sign-in may take at the provider. */
export const SIGN_IN_TTL_MS = 10 * 60 * 1000;

/** A sign-in refused, with what to log (never tokens or claims). */
export class SignInRefused extends Error {
  readonly refusal: SignInRefusal;
  /** The provider of the sign-in, once it is known. */
  readonly providerId: string | null;
  /** The purpose of the flow (see {@link OidcFlow.start}), once it is known. */
  purpose: string | null = null;
  constructor(refusal: SignInRefusal, detail: string, providerId: string | null = null) {
    super(`${refusal}: ${detail}`);
    this.name = 'SignInRefused';
    this.refusal = refusal;
    this.providerId = providerId;
  }
}

/** The outcome of a sign-in callback that passed every check. */
export interface FinishedSignIn {
  kind: 'sign-in';
  provider: IdentityProvider;
  identity: VerifiedIdentity;
  returnTo: string;
}

/** The outcome of a callback of a flow started for a purpose, that passed every check. */
export interface FinishedVerification {
  kind: 'verification';
  provider: IdentityProvider;
  /** The purpose given at the start. */
  purpose: string;
  /** The ID token's issuer and subject, as checked (the person the provider vouches for). */
  issuer: string;
  subject: string;
  returnTo: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Runs sign-ins through the configured providers. */
export class OidcFlow {
  readonly #db: Kysely<Database & IdentityProviderTables>;
  readonly #providers: IdentityProviderStore;
  readonly #configurations = new Map<string, { key: string; config: client.Configuration }>();

  constructor(db: Kysely<Database>, providers: IdentityProviderStore) {
    this.#db = db as unknown as Kysely<Database & IdentityProviderTables>;
    this.#providers = providers;
  }

  /**
   * The provider's metadata (OpenID Connect discovery), cached until the provider's
   * configuration changes. `openid-client` refuses a discovery document whose `issuer` is
   * not the configured one.
   */
  async #configuration(provider: IdentityProvider): Promise<client.Configuration> {
    const key = `${provider.updatedAt}|${provider.issuer}|${provider.clientId}`;
    const cached = this.#configurations.get(provider.id);
    if (cached?.key === key) return cached.config;
    // A secret that does not decrypt is never sent as if it were one: the log says why.
    if (provider.secretUnreadable)
      throw new SignInRefused('provider-error', provider.secretUnreadable);
    const issuer = new URL(provider.issuer);
    const insecure = issuer.protocol === 'http:';
    if (insecure && !isLoopbackUrl(provider.issuer))
      throw new SignInRefused('provider-error', 'issuer over plain HTTP');
    const config = await client.discovery(
      issuer,
      provider.clientId,
      undefined,
      client.ClientSecretPost(provider.clientSecret),
      { execute: insecure ? [client.allowInsecureRequests] : [], timeout: 10 },
    );
    this.#configurations.set(provider.id, { key, config });
    return config;
  }

  /**
   * Starts a sign-in through `provider`: the URL to send the browser to, and the state the
   * browser must keep (in an HttpOnly cookie) and bring back with the callback. `purpose`
   * (e.g. `fremtid-dialogue:<id>`) makes it a verification for that purpose instead of a
   * sign-in to Helhet; it is bound to the state, so the callback cannot be turned into the
   * other kind.
   */
  async start(
    provider: IdentityProvider,
    origin: string,
    returnTo: string,
    purpose: string | null = null,
  ): Promise<{ url: string; state: string }> {
    let config: client.Configuration;
    try {
      config = await this.#configuration(provider);
    } catch (error) {
      if (error instanceof SignInRefused) throw error;
      throw new SignInRefused('provider-error', `discovery failed: ${(error as Error).message}`);
    }
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const parameters = {
      redirect_uri: `${origin}${CALLBACK_PATH}`,
      scope: provider.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    };
    await this.#forgetExpired();
    await this.#db
      .insertInto('oidc_sign_ins')
      .values({
        state_hash: sha256(state),
        provider_id: provider.id,
        nonce,
        code_verifier: codeVerifier,
        return_to: returnTo,
        purpose,
        expires_at: new Date(Date.now() + SIGN_IN_TTL_MS).toISOString(),
      })
      .execute();
    let url: URL;
    try {
      url = provider.usePar
        ? await client.buildAuthorizationUrlWithPAR(config, parameters)
        : client.buildAuthorizationUrl(config, parameters);
    } catch (error) {
      throw new SignInRefused(
        'provider-error',
        `authorisation request failed: ${(error as Error).message}`,
      );
    }
    return { url: url.href, state };
  }

  /**
   * Checks a callback: `callbackUrl` as the provider sent the browser to it, `cookieState`
   * the state this browser was given at the start. Throws {@link SignInRefused}.
   */
  async finish(
    callbackUrl: URL,
    cookieState: string | undefined,
  ): Promise<FinishedSignIn | FinishedVerification> {
    const state = callbackUrl.searchParams.get('state');
    if (!state || !cookieState || !sameSecret(state, cookieState)) {
      const refused = new SignInRefused(
        'state-mismatch',
        'the state is not the one this browser started',
      );
      // Only to end on the right page: the flow under way with this state stays untouched.
      if (state) refused.purpose = (await this.#peek(state))?.purpose ?? null;
      throw refused;
    }
    const pending = await this.#take(state);
    if (!pending) throw new SignInRefused('state-mismatch', 'no sign-in under way with this state');
    try {
      return await this.#finish(callbackUrl, state, pending);
    } catch (error) {
      if (error instanceof SignInRefused) error.purpose = pending.purpose;
      throw error;
    }
  }

  async #finish(
    callbackUrl: URL,
    state: string,
    pending: OidcSignInsTable,
  ): Promise<FinishedSignIn | FinishedVerification> {
    const provider = await this.#providers.get(pending.provider_id);
    if (!provider) throw new SignInRefused('provider-unknown', pending.provider_id);
    const config = await this.#configuration(provider).catch((error: unknown) => {
      throw new SignInRefused(
        'provider-error',
        `discovery failed: ${(error as Error).message}`,
        provider.id,
      );
    });
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      if (error instanceof client.AuthorizationResponseError)
        throw new SignInRefused(
          'provider-error',
          `${error.error}: ${error.error_description}`,
          provider.id,
        );
      throw new SignInRefused('token-rejected', (error as Error).message, provider.id);
    }
    const idClaims = tokens.claims();
    if (!idClaims) throw new SignInRefused('token-rejected', 'no ID token', provider.id);
    if (pending.purpose !== null)
      return {
        kind: 'verification',
        provider,
        purpose: pending.purpose,
        issuer: idClaims.iss,
        subject: idClaims.sub,
        returnTo: pending.return_to,
      };
    let claims: Record<string, unknown> = { ...idClaims };
    const lacksProfile = typeof claims.email !== 'string' || typeof claims.name !== 'string';
    if (lacksProfile && config.serverMetadata().userinfo_endpoint) {
      const userInfo = await client
        .fetchUserInfo(config, tokens.access_token, idClaims.sub)
        .catch((error: unknown) => {
          throw new SignInRefused(
            'provider-error',
            `userinfo: ${(error as Error).message}`,
            provider.id,
          );
        });
      // The ID token's claims win: they are signed, and `tid` comes from there.
      claims = { ...userInfo, ...claims };
    }
    const identity = identityFromClaims(claims, provider);
    if ('refused' in identity) throw new SignInRefused(identity.refused, `provider ${provider.id}`);
    return { kind: 'sign-in', provider, identity, returnTo: pending.return_to };
  }

  /** The sign-in under way with `state`, left in place. */
  #peek(state: string) {
    return this.#db
      .selectFrom('oidc_sign_ins')
      .selectAll()
      .where('state_hash', '=', sha256(state))
      .executeTakeFirst();
  }

  /** Removes and returns the sign-in under way with `state`, if it has not expired. */
  async #take(state: string) {
    const hash = sha256(state);
    const row = await this.#db
      .selectFrom('oidc_sign_ins')
      .selectAll()
      .where('state_hash', '=', hash)
      .executeTakeFirst();
    if (!row) return null;
    // Single use: of two callbacks racing with one state, only the one that deletes wins.
    const deleted = await this.#db
      .deleteFrom('oidc_sign_ins')
      .where('state_hash', '=', hash)
      .executeTakeFirst();
    if (deleted.numDeletedRows === 0n) return null;
    return row.expires_at > new Date().toISOString() ? row : null;
  }

  async #forgetExpired(): Promise<void> {
    await this.#db
      .deleteFrom('oidc_sign_ins')
      .where('expires_at', '<=', new Date().toISOString())
      .execute();
  }
}
