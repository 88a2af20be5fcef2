/**
 * From a checked ID token (and the UserInfo answer, when the token lacks e-mail or name) to
 * the person Helhet signs in, or the reason it refuses: claim mapping and the provider's
 * restrictions (tenant or organisation, e-mail domains). Pure: the signatures, issuer,
 * audience, expiry, nonce and state were checked before this is called.
 */
import type { SignInRefusal } from '@helhet/model';
import type { IdentityProvider } from './store.ts';

/** The person a provider vouches for, as Helhet keeps them. */
export interface VerifiedIdentity {
  /** The issuer of the ID token: with `subject`, the person's identity for good. */
  issuer: string;
  /** The provider's subject identifier (stable per provider). */
  subject: string;
  /** Lower-case e-mail address. */
  email: string;
  /**
   * Whether the provider vouches that the address is the person's ({@link emailVouchedFor}):
   * only then may it link an existing account or make a new one.
   */
  emailVerified: boolean;
  name: string;
}

/**
 * Kinds of provider whose addresses are issued by the organisation itself, not typed in by
 * the person: Entra ID (Helhet pins it to one tenant, whose administrators manage its
 * accounts' addresses and sign-in names) and Feide (the institution's own directory).
 * ID-porten and Ansattporten are not among them: an address they may answer comes from the
 * contact register, where people enter it themselves.
 */
export const EMAIL_ISSUING_KINDS: readonly IdentityProvider['kind'][] = ['entra', 'feide'];

/**
 * True when the provider vouches for the e-mail address: its claims say `email_verified`,
 * or it is of a kind whose organisation issues the addresses ({@link EMAIL_ISSUING_KINDS}).
 */
export function emailVouchedFor(claims: Claims, provider: Pick<IdentityProvider, 'kind'>): boolean {
  // A few providers send the boolean as a string.
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  return verified || EMAIL_ISSUING_KINDS.includes(provider.kind);
}

export type { SignInRefusal };

type Claims = Readonly<Record<string, unknown>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(claims: Claims, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The e-mail address: `email`, except when the provider says it is not verified; for
 * Entra, whose `email` claim is optional, the `preferred_username` (the sign-in name, an
 * e-mail address in a tenant's own domains) when it is one.
 */
function emailOf(claims: Claims, provider: IdentityProvider): string | null {
  const email = text(claims, 'email');
  if (email && claims.email_verified !== false && EMAIL.test(email)) return email.toLowerCase();
  if (provider.kind === 'entra') {
    const username = text(claims, 'preferred_username');
    if (username && EMAIL.test(username)) return username.toLowerCase();
  }
  return null;
}

function nameOf(claims: Claims, email: string): string {
  const full = text(claims, 'name');
  if (full) return full.slice(0, 80);
  const parts = [text(claims, 'given_name'), text(claims, 'family_name')].filter(Boolean);
  if (parts.length) return parts.join(' ').slice(0, 80);
  return email.split('@')[0]!.slice(0, 80);
}

/** The domain part of an e-mail address, lower-case. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** True when `provider` serves `email` (its domain list is empty, or holds the domain). */
export function servesEmail(provider: IdentityProvider, email: string): boolean {
  return provider.emailDomains.length === 0 || provider.emailDomains.includes(emailDomain(email));
}

/**
 * True when `provider` requires no group, or the person's `groups` or `roles` claim holds
 * one of its groups. Entra puts group object ids in `groups` (when the app registration
 * emits group claims) and app roles in `roles`; Keycloak and most others use `groups`.
 * Compared exactly: Entra's ids are lower-case GUIDs, and a group name is case-sensitive
 * elsewhere. A token with too many groups to carry (Entra's overage, `_claim_names`) holds
 * none here and is refused: the administrator assigns app roles instead.
 */
export function inRequiredGroup(claims: Claims, provider: IdentityProvider): boolean {
  if (provider.requiredGroups.length === 0) return true;
  const held = new Set<string>();
  for (const name of ['groups', 'roles']) {
    const value = claims[name];
    if (Array.isArray(value)) for (const g of value) if (typeof g === 'string') held.add(g);
  }
  return provider.requiredGroups.some((g) => held.has(g));
}

/** Maps and checks the claims of a sign-in through `provider`. */
export function identityFromClaims(
  claims: Claims,
  provider: IdentityProvider,
): VerifiedIdentity | { refused: SignInRefusal } {
  if (provider.tenant !== null) {
    const tenant = text(claims, provider.tenantClaim ?? 'tid');
    if (tenant === null || tenant.toLowerCase() !== provider.tenant.toLowerCase())
      return { refused: 'tenant-not-allowed' };
  }
  if (!inRequiredGroup(claims, provider)) return { refused: 'group-not-allowed' };
  const subject = text(claims, 'sub');
  const email = emailOf(claims, provider);
  if (!subject || !email) return { refused: 'email-missing' };
  if (!servesEmail(provider, email)) return { refused: 'email-domain-not-served' };
  return {
    issuer: text(claims, 'iss') ?? provider.issuer,
    subject,
    email,
    emailVerified: emailVouchedFor(claims, provider),
    name: nameOf(claims, email),
  };
}
