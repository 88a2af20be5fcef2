/**
 * The identity provider contract (`/api/admin/identity-providers`, `/api/auth/providers`,
 * the `HELHET_IDENTITY_PROVIDERS` file and the sign-in page's error codes): what an identity
 * provider is, as the administrator configures it and as the API answers about it. The client secret is
 * write-only: it is accepted, stored, and never part of an answer (`hasClientSecret` says
 * whether one is set).
 */
import { z } from 'zod';

/** The identity providers Helhet knows by name; `generic` is any OpenID Connect provider. */
export const IDENTITY_PROVIDER_KINDS = [
  'entra',
  'idporten',
  'ansattporten',
  'feide',
  'generic',
] as const;
/** One of {@link IDENTITY_PROVIDER_KINDS}. */
export const IdentityProviderKind = z.enum(IDENTITY_PROVIDER_KINDS);
/** See {@link IdentityProviderKind}. */
export type IdentityProviderKind = z.infer<typeof IdentityProviderKind>;

/** Digdir's providers require pushed authorisation requests (and PKCE). */
export const KINDS_REQUIRING_PAR: ReadonlySet<IdentityProviderKind> = new Set([
  'idporten',
  'ansattporten',
]);

/**
 * Entra's multi-tenant issuer templates: with them any Microsoft tenant in the world could
 * sign in, so Helhet refuses them and asks for the issuer of one tenant.
 */
const ENTRA_SHARED_TENANTS = new Set(['common', 'organizations', 'consumers', '{tenantid}']);

/** The tenant segment of an Entra issuer (`https://login.microsoftonline.com/<tenant>/v2.0`). */
export function entraTenantOfIssuer(issuer: string): string | null {
  // The model runs without the DOM or Node types, so no URL parser: the path's first segment.
  const segment = /^https?:\/\/[^/?#]+\/([^/?#]+)/i.exec(issuer.trim())?.[1];
  if (!segment) return null;
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return null;
  }
}

const Issuer = z
  .string({ error: 'must be a string' })
  .trim()
  .max(500, 'must be at most 500 characters')
  .pipe(z.url({ error: 'must be a URL', protocol: /^https?$/ }))
  .refine((url) => url.startsWith('https:') || isLoopbackUrl(url), {
    error: 'must use https (plain http only for a provider on this machine)',
  });

/** True for a URL on this machine (tests and development may run a provider there). */
export function isLoopbackUrl(url: string): boolean {
  return /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?([/?#]|$)/i.test(url.trim());
}

const Domain = z
  .string({ error: 'must be a string' })
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: 'must be a domain name such as kommune.no',
  });

const Scope = z
  .string()
  .trim()
  .regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, { error: 'must be one scope without spaces' });

/** Each field an administrator sets, without defaults (a change names only what changes). */
const fieldShape = {
  kind: IdentityProviderKind,
  displayName: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(80, 'must be at most 80 characters'),
  issuer: Issuer,
  clientId: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').max(200),
  clientSecret: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(2000),
  tenant: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(200)
    .nullable()
    .describe('Allowed tenant or organisation (Entra: the tenant id, compared with `tid`)'),
  tenantClaim: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .nullable()
    .describe('Claim holding the tenant or organisation; `tid` for Entra'),
  emailDomains: z
    .array(Domain)
    .max(100)
    .describe('E-mail domains this provider serves; empty: any'),
  requiredGroups: z
    .array(
      z
        .string({ error: 'must be a string' })
        .trim()
        .min(1, 'must not be empty')
        .max(200, 'must be at most 200 characters'),
    )
    .max(50)
    .describe(
      'Groups or app roles one of which a person must have (the `groups` or `roles` claim); empty: any',
    ),
  allowNewUsers: z.boolean({ error: 'must be true or false' }),
  usePar: z.boolean({ error: 'must be true or false' }),
  scopes: z.array(Scope).min(1).max(20),
};

/** All the fields of a provider, with the defaults of a new one. */
const ProviderFields = z.strictObject({
  ...fieldShape,
  tenant: fieldShape.tenant.default(null),
  tenantClaim: fieldShape.tenantClaim.default(null),
  emailDomains: fieldShape.emailDomains.default([]),
  requiredGroups: fieldShape.requiredGroups.default([]),
  allowNewUsers: fieldShape.allowNewUsers.default(false),
  usePar: fieldShape.usePar.default(false),
  scopes: fieldShape.scopes.default(['openid', 'email', 'profile']),
});

type ProviderFieldsOut = z.output<typeof ProviderFields>;

/** The rules across fields, shared by creation, update and the config file. */
function checkProvider(p: ProviderFieldsOut, ctx: z.RefinementCtx): void {
  if (!p.scopes.includes('openid'))
    ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'must include openid' });
  if (KINDS_REQUIRING_PAR.has(p.kind) && !p.usePar)
    ctx.addIssue({
      code: 'custom',
      path: ['usePar'],
      message: `must be true: ${p.kind} requires pushed authorisation requests`,
    });
  if (p.kind === 'entra') {
    const tenant = entraTenantOfIssuer(p.issuer);
    if (!tenant || ENTRA_SHARED_TENANTS.has(tenant))
      ctx.addIssue({
        code: 'custom',
        path: ['issuer'],
        message:
          'must be the issuer of one tenant (https://login.microsoftonline.com/<tenant id>/v2.0), not /common, /organizations or /consumers',
      });
    if (p.tenant !== null && p.tenant.toLowerCase() !== tenant)
      ctx.addIssue({
        code: 'custom',
        path: ['tenant'],
        message: "must be the tenant of the issuer (or left out, which takes the issuer's)",
      });
  } else if (p.tenant !== null && p.tenantClaim === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['tenantClaim'],
      message: 'must name the claim that holds the organisation when tenant is set',
    });
  }
}

/** Entra's tenant defaults to the one in its issuer, and its claim is always `tid`. */
function withDefaults<P extends ProviderFieldsOut>(p: P): P {
  if (p.kind !== 'entra') return p;
  return { ...p, tenant: p.tenant ?? entraTenantOfIssuer(p.issuer), tenantClaim: 'tid' };
}

/**
 * Digdir's providers answer no e-mail scope (ID-porten identifies people by national
 * identity number), so their default scopes are `openid profile`.
 */
function withKindScopes(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || 'scopes' in input) return input;
  const kind = (input as { kind?: unknown }).kind;
  return kind === 'idporten' || kind === 'ansattporten'
    ? { ...input, scopes: ['openid', 'profile'] }
    : input;
}

/** Body of POST /api/admin/identity-providers. */
export const IdentityProviderInput = z.preprocess(
  withKindScopes,
  ProviderFields.superRefine(checkProvider).transform(withDefaults),
);
/** See {@link IdentityProviderInput}. */
export type IdentityProviderInput = z.output<typeof IdentityProviderInput>;

/**
 * Body of PATCH /api/admin/identity-providers/:id: any subset of the fields. The merged
 * result is checked again with {@link IdentityProviderInput}'s rules.
 */
export const IdentityProviderPatch = z.strictObject(fieldShape).partial();

/** Checks a merged provider (after a PATCH) with the same rules as a new one. */
export const IdentityProviderMerged = IdentityProviderInput;

/** One entry of the `HELHET_IDENTITY_PROVIDERS` file: an id and the fields of a provider. */
export const IdentityProviderFileEntry = z.preprocess(
  withKindScopes,
  ProviderFields.extend({
    id: z.string({ error: 'must be a string' }).regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
      error: 'must be lower-case letters, digits and dashes (e.g. "oslo-entra")',
    }),
  })
    .superRefine(checkProvider)
    .transform(withDefaults),
);

/** The `HELHET_IDENTITY_PROVIDERS` file: `{ "identityProviders": [ … ] }`. */
export const IdentityProvidersFile = z.strictObject({
  identityProviders: z.array(IdentityProviderFileEntry).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${p.id}" is used twice` });
      seen.add(p.id);
    });
  }),
});

/** An identity provider as the admin API answers: everything but the secret. */
export const IdentityProviderView = z.object({
  id: z.string(),
  kind: IdentityProviderKind,
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  secretUnreadable: z
    .boolean()
    .describe(
      "The stored secret does not decrypt with this server's key (HELHET_SECRET_KEY): give it again",
    ),
  tenant: z.string().nullable(),
  tenantClaim: z.string().nullable(),
  emailDomains: z.array(z.string()),
  requiredGroups: z.array(z.string()),
  allowNewUsers: z.boolean(),
  usePar: z.boolean(),
  scopes: z.array(z.string()),
  source: z.enum(['database', 'file']).describe('Providers from the config file are read-only'),
  createdAt: z.string(),
});
/** See {@link IdentityProviderView}. */
export type IdentityProviderView = z.infer<typeof IdentityProviderView>;

/** Answer of GET /api/admin/identity-providers. */
export const IdentityProviderList = z.object({
  providers: z.array(IdentityProviderView),
  redirectUri: z
    .string()
    .describe("The redirect URI to register with every provider (this server's callback)"),
});
/** See {@link IdentityProviderList}. */
export type IdentityProviderList = z.infer<typeof IdentityProviderList>;

/** A sign-in option on the login page: no configuration, only what a person chooses by. */
export const SignInOption = z.object({
  id: z.string(),
  kind: IdentityProviderKind,
  displayName: z.string(),
});
/** See {@link SignInOption}. */
export type SignInOption = z.infer<typeof SignInOption>;

/**
 * Why an OpenID Connect sign-in was refused: the sign-in page shows
 * `/sign-in?error=oidc-<code>` as a translated message.
 */
export const SIGN_IN_REFUSALS = [
  'provider-unknown',
  'provider-error',
  'state-mismatch',
  'token-rejected',
  'email-missing',
  'email-not-verified',
  'tenant-not-allowed',
  'group-not-allowed',
  'email-domain-not-served',
  'new-users-not-allowed',
  'account-inactive',
  'rate-limited',
] as const;
/** One of {@link SIGN_IN_REFUSALS}. */
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];
