/**
 * Routes of OpenID Connect sign-in: the sign-in options the login page offers, the start
 * and callback of the flow, and the administration of identity providers. Every error of
 * the flow ends on the sign-in page with a code the page translates
 * (`/sign-in?error=oidc-token-rejected`), never on an error page of the API.
 */
import { readCookie } from '../cookies.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiError, notFound, parseInput } from '../../api/errors.ts';
import { errorResponses, jsonSchema } from '../../api/schemas.ts';
import { emailDomain } from './claims.ts';
import type { SignInCompleter } from './completer.ts';
import { OidcFlow, SignInRefused, SIGN_IN_TTL_MS } from './flow.ts';
import { safeReturnTo } from './return-to.ts';
import {
  purposeKind,
  type VerificationHandlers,
  type VerificationStarter,
} from './verification.ts';
import {
  IdentityProviderInput,
  IdentityProviderList,
  IdentityProviderPatch,
  IdentityProviderView,
  SignInOption,
} from '@helhet/model';
import { SecretKeyMissing } from './secret-box.ts';
import { fieldsOf, signInOptionOf, viewOf, type IdentityProviderStore } from './store.ts';
import { clientKey } from '../../rate-limit/import-limits.ts';
import {
  createRateLimiter,
  type RateLimitSpec,
  type RateLimitStore,
} from '../../rate-limit/limiter.ts';

/** The web app's sign-in page, where refused sign-ins are shown. */
export const SIGN_IN_PAGE = '/sign-in';
/** The cookie that binds a sign-in under way to the browser that started it. */
export const STATE_COOKIE = 'helhet_oidc_state';
const STATE_COOKIE_PATH = '/api/auth/oidc';

/** What the routes need. */
export interface OidcRoutesContext {
  providers: IdentityProviderStore;
  flow: OidcFlow;
  completer: SignInCompleter;
  /** The public origin (`https://helhet.kommune.no`); the redirect URI is made from it. */
  publicOrigin: () => string;
  /** Sign-ins a client may start (each keeps a row for 10 minutes); default 30, then 1 per 2 s. */
  startLimit?: RateLimitSpec;
  /** Where rate limits are counted (Redis when configured, shared by every instance). */
  rateLimits: RateLimitStore;
  /** Who finishes flows started for a purpose (`verification.ts`), by the purpose's kind. */
  verifications?: VerificationHandlers;
}

/** Default of {@link OidcRoutesContext.startLimit}. */
export const DEFAULT_START_LIMIT: RateLimitSpec = {
  points: 30,
  durationS: 60,
  prefix: 'oidc-start',
};

const ProviderParams = z.object({ id: z.string().min(1).max(64) });
const StartParams = z.object({ providerId: z.string().min(1).max(64) });
const ForEmailQuery = z.object({ email: z.string().max(254) });

function stateCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  // SameSite=Lax: the provider sends the browser back with a top-level GET, which carries it.
  return [
    `${STATE_COOKIE}=${value}`,
    `Path=${STATE_COOKIE_PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

function refusedRedirect(reply: FastifyReply, code: string): FastifyReply {
  return reply.redirect(`${SIGN_IN_PAGE}?error=oidc-${code}`, 303);
}

/** The redirect URI every provider must know: the callback on the public origin. */
export function redirectUriOf(publicOrigin: string): string {
  return `${publicOrigin}/api/auth/oidc/callback`;
}

/** Runs a write that stores a secret; no key to encrypt it with is a 409 that names the fix. */
async function storingSecret<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof SecretKeyMissing)) throw error;
    throw new ApiError(409, error.message, [], { code: 'secret-key-missing' });
  }
}

/**
 * Registers the sign-in and administration routes of identity providers; returns what
 * starts a verification (a flow for a purpose, finished by `ctx.verifications`).
 */
export function oidcRoutes(app: FastifyInstance, ctx: OidcRoutesContext): VerificationStarter {
  const secure = () => ctx.publicOrigin().startsWith('https:');
  const starts = createRateLimiter(ctx.rateLimits, ctx.startLimit ?? DEFAULT_START_LIMIT);
  const handlerOf = (purpose: string | null) =>
    purpose === null ? undefined : ctx.verifications?.[purposeKind(purpose)];

  app.get(
    '/api/auth/providers',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign-in options (identity providers) for the login page',
        response: { 200: jsonSchema(z.object({ providers: z.array(SignInOption) })) },
      },
    },
    async () => ({ providers: (await ctx.providers.list()).map(signInOptionOf) }),
  );

  app.get(
    '/api/auth/providers/for',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'The identity provider that serves an e-mail address, if any',
        querystring: jsonSchema(ForEmailQuery),
        response: { 200: jsonSchema(z.object({ provider: SignInOption.nullable() })) },
      },
    },
    async (request) => {
      const { email } = parseInput(ForEmailQuery, request.query, 'query');
      const domain = emailDomain(email.trim());
      // Only providers that name the domain: one serving "any domain" is not a match.
      const match = (await ctx.providers.list()).find((p) => p.emailDomains.includes(domain));
      return { provider: match ? signInOptionOf(match) : null };
    },
  );

  app.get(
    '/api/auth/oidc/:providerId/start',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Start signing in through an identity provider (redirects to it)',
        querystring: jsonSchema(z.object({ returnTo: z.string().optional() })),
      },
    },
    async (request, reply) => {
      const params = StartParams.safeParse(request.params);
      const provider = params.success ? await ctx.providers.get(params.data.providerId) : null;
      if (!provider) return refusedRedirect(reply, 'provider-unknown');
      if (!(await starts.take(clientKey(request))).ok)
        return refusedRedirect(reply, 'rate-limited');
      const returnTo = safeReturnTo((request.query as { returnTo?: unknown }).returnTo);
      try {
        const { url, state } = await ctx.flow.start(provider, ctx.publicOrigin(), returnTo);
        reply.header('set-cookie', stateCookie(state, SIGN_IN_TTL_MS / 1000, secure()));
        return reply.redirect(url, 303);
      } catch (error) {
        if (!(error instanceof SignInRefused)) throw error;
        request.log.warn({ provider: provider.id, reason: error.message }, 'sign-in not started');
        return refusedRedirect(reply, error.refusal);
      }
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: "The identity providers' redirect URI: finishes the sign-in",
      },
    },
    async (request, reply) => {
      // The state is used once, whatever happens next.
      reply.header('set-cookie', stateCookie('', 0, secure()));
      const callbackUrl = new URL(request.url, ctx.publicOrigin());
      let purpose: string | null = null;
      try {
        const done = await ctx.flow.finish(
          callbackUrl,
          readCookie(request.headers.cookie, STATE_COOKIE),
        );
        if (done.kind === 'verification') {
          purpose = done.purpose;
          const handler = handlerOf(purpose);
          if (!handler) throw new Error(`no handler for verifications of "${purpose}"`);
          return await handler.verified(request, reply, done);
        }
        const account = await ctx.completer.findOrCreateUser(done.identity, done.provider);
        if ('refused' in account)
          throw new SignInRefused(account.refused, done.provider.id, done.provider.id);
        await ctx.completer.startSession(request, reply, account.userId);
        return reply.redirect(done.returnTo, 303);
      } catch (error) {
        if (error instanceof SignInRefused) purpose = error.purpose;
        // A verification ends on its own page (the dialogue's), never on the sign-in page.
        const handler = handlerOf(purpose);
        if (!(error instanceof SignInRefused)) {
          request.log.error(error, 'sign-in failed');
          return handler
            ? handler.refused(reply, purpose!, 'provider-error')
            : refusedRedirect(reply, 'provider-error');
        }
        request.log.warn({ reason: error.message }, 'sign-in refused');
        if (handler) return handler.refused(reply, purpose!, error.refusal);
        await ctx.completer.refused?.(request, error.refusal, error.providerId);
        return refusedRedirect(reply, error.refusal);
      }
    },
  );

  const adminSchema = (summary: string, extra: Record<string, unknown> = {}) => ({
    tags: ['admin'],
    summary,
    ...extra,
  });
  const providerOr404 = async (rawParams: unknown) => {
    const { id } = parseInput(ProviderParams, rawParams, 'path');
    const provider = await ctx.providers.get(id);
    if (!provider) throw notFound('identity provider', id);
    return provider;
  };
  const refuseFileProvider = (id: string) => {
    if (ctx.providers.isFromFile(id))
      throw new ApiError(
        409,
        `identity provider "${id}" comes from the HELHET_IDENTITY_PROVIDERS file; change it there`,
        [],
        { code: 'provider-from-file' },
      );
  };

  app.get(
    '/api/admin/identity-providers',
    {
      config: { access: 'admin' },
      schema: adminSchema('List identity providers (without secrets)', {
        response: { 200: jsonSchema(IdentityProviderList) },
      }),
    },
    async () => ({
      providers: (await ctx.providers.list()).map(viewOf),
      redirectUri: redirectUriOf(ctx.publicOrigin()),
    }),
  );

  app.get(
    '/api/admin/identity-providers/:id',
    {
      config: { access: 'admin' },
      schema: adminSchema('Read an identity provider (without its secret)', {
        response: { 200: jsonSchema(IdentityProviderView), 404: errorResponses[404] },
      }),
    },
    async (request) => viewOf(await providerOr404(request.params)),
  );

  app.post(
    '/api/admin/identity-providers',
    {
      config: { access: 'admin' },
      schema: adminSchema('Add an identity provider', {
        body: jsonSchema(IdentityProviderInput),
        response: {
          201: jsonSchema(IdentityProviderView),
          400: errorResponses[400],
          409: errorResponses[409],
        },
      }),
    },
    async (request, reply) => {
      const input = parseInput(IdentityProviderInput, request.body, 'identity provider');
      const created = await storingSecret(() => ctx.providers.create(input));
      return reply.status(201).send(viewOf(created));
    },
  );

  app.patch(
    '/api/admin/identity-providers/:id',
    {
      config: { access: 'admin' },
      schema: adminSchema('Change an identity provider (a secret left out is kept)', {
        body: jsonSchema(IdentityProviderPatch),
        response: {
          200: jsonSchema(IdentityProviderView),
          400: errorResponses[400],
          404: errorResponses[404],
          409: errorResponses[409],
        },
      }),
    },
    async (request) => {
      const current = await providerOr404(request.params);
      refuseFileProvider(current.id);
      const patch = parseInput(IdentityProviderPatch, request.body, 'identity provider');
      const fields = fieldsOf(current);
      // Entra's tenant follows its issuer unless the patch names one.
      const base = patch.issuer && current.kind === 'entra' ? { ...fields, tenant: null } : fields;
      const merged = parseInput(IdentityProviderInput, { ...base, ...patch }, 'identity provider');
      const secretGiven = patch.clientSecret !== undefined;
      const updated = await storingSecret(() =>
        ctx.providers.update(current.id, merged, { secretGiven }),
      );
      if (!updated) throw notFound('identity provider', current.id);
      return viewOf(updated);
    },
  );

  app.delete(
    '/api/admin/identity-providers/:id',
    {
      config: { access: 'admin' },
      schema: adminSchema('Remove an identity provider', {
        response: { 204: { type: 'null' }, 404: errorResponses[404] },
      }),
    },
    async (request, reply) => {
      const current = await providerOr404(request.params);
      refuseFileProvider(current.id);
      await ctx.providers.delete(current.id);
      return reply.status(204).send();
    },
  );

  return {
    providers: () => ctx.providers.list(),
    provider: (id) => ctx.providers.get(id),
    async start(reply, provider, purpose, returnTo) {
      const { url, state } = await ctx.flow.start(provider, ctx.publicOrigin(), returnTo, purpose);
      reply.header('set-cookie', stateCookie(state, SIGN_IN_TTL_MS / 1000, secure()));
      return reply.redirect(url, 303);
    },
  };
}
