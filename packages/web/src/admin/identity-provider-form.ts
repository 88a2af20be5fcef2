/**
 * The identity provider form without React: the presets of each kind, the form's values
 * from a provider and back to the body of a POST or PATCH, and where the server's problems
 * are shown. The rules themselves (Entra's one tenant, PAR for Digdir) stay in the contract
 * (`@helhet/model`), which the server checks; the presets only start the form right.
 */
import {
  entraTenantOfIssuer,
  KINDS_REQUIRING_PAR,
  type IdentityProviderKind,
  type IdentityProviderView,
  type InputProblem,
} from '@helhet/model';
import { problemsByField } from '../core/problems-by-field.ts';

/** The form's values: text as typed, lists as one line each. */
export interface ProviderForm {
  kind: IdentityProviderKind;
  displayName: string;
  issuer: string;
  clientId: string;
  /** A new secret; empty keeps the stored one (when editing). */
  clientSecret: string;
  tenant: string;
  tenantClaim: string;
  /** E-mail domains, separated by commas, spaces or lines. */
  emailDomains: string;
  /** Groups or app roles one of which a person must have, separated like the domains. */
  requiredGroups: string;
  allowNewUsers: boolean;
  usePar: boolean;
  /** Scopes, separated by spaces. */
  scopes: string;
}

/** Entra's issuer of one tenant. */
export function entraIssuer(tenant: string): string {
  return `https://login.microsoftonline.com/${tenant.trim()}/v2.0`;
}

const DEFAULT_SCOPES = 'openid email profile';

/** What a new provider of each kind starts with. */
export const PRESETS: Readonly<Record<IdentityProviderKind, Partial<ProviderForm>>> = {
  // The issuer follows the tenant id as it is typed (see {@link withTenant}).
  entra: { issuer: '', tenantClaim: 'tid', scopes: DEFAULT_SCOPES },
  idporten: {
    displayName: 'ID-porten',
    issuer: 'https://idporten.no',
    usePar: true,
    scopes: 'openid profile',
  },
  ansattporten: {
    displayName: 'Ansattporten',
    issuer: 'https://ansattporten.no',
    usePar: true,
    scopes: 'openid profile',
  },
  feide: { displayName: 'Feide', issuer: 'https://auth.dataporten.no', scopes: DEFAULT_SCOPES },
  generic: { scopes: DEFAULT_SCOPES },
};

const EMPTY: ProviderForm = {
  kind: 'entra',
  displayName: '',
  issuer: '',
  clientId: '',
  clientSecret: '',
  tenant: '',
  tenantClaim: '',
  emailDomains: '',
  requiredGroups: '',
  allowNewUsers: false,
  usePar: false,
  scopes: DEFAULT_SCOPES,
};

/** A new provider's form for `kind`. */
export function newForm(kind: IdentityProviderKind): ProviderForm {
  return { ...EMPTY, kind, ...PRESETS[kind] };
}

/**
 * The form after choosing another kind for a new provider: the new kind's preset, keeping
 * what the administrator typed that is not the old kind's preset (client id, secret,
 * domains), and the name when it was not the old preset's.
 */
export function withKind(form: ProviderForm, kind: IdentityProviderKind): ProviderForm {
  const old = PRESETS[form.kind];
  const fresh = newForm(kind);
  return {
    ...fresh,
    displayName:
      form.displayName !== '' && form.displayName !== old.displayName
        ? form.displayName
        : fresh.displayName,
    clientId: form.clientId,
    clientSecret: form.clientSecret,
    emailDomains: form.emailDomains,
    allowNewUsers: form.allowNewUsers,
  };
}

/** The form with a new tenant; for Entra the issuer follows it while it is Entra's own. */
export function withTenant(form: ProviderForm, tenant: string): ProviderForm {
  if (form.kind !== 'entra') return { ...form, tenant };
  const followsTenant = form.issuer === '' || form.issuer === entraIssuer(form.tenant);
  return { ...form, tenant, issuer: followsTenant ? entraIssuer(tenant) : form.issuer };
}

/** The form of a stored provider (its secret is never known here). */
export function formOf(p: IdentityProviderView): ProviderForm {
  return {
    kind: p.kind,
    displayName: p.displayName,
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecret: '',
    tenant: p.tenant ?? (p.kind === 'entra' ? (entraTenantOfIssuer(p.issuer) ?? '') : ''),
    tenantClaim: p.tenantClaim ?? '',
    emailDomains: p.emailDomains.join(', '),
    requiredGroups: p.requiredGroups.join(', '),
    allowNewUsers: p.allowNewUsers,
    usePar: p.usePar,
    scopes: p.scopes.join(' '),
  };
}

const words = (text: string) => text.split(/[\s,;]+/).filter(Boolean);
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The body to send: every field for a new provider; for a change (`editing`) the same, but
 * the secret only when a new one was typed (left out, the server keeps the stored one).
 */
export function inputOf(form: ProviderForm, editing: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    kind: form.kind,
    displayName: form.displayName.trim(),
    issuer: form.issuer.trim(),
    clientId: form.clientId.trim(),
    tenant: orNull(form.tenant),
    // Entra's claim is always `tid` (the server sets it).
    tenantClaim: form.kind === 'entra' ? null : orNull(form.tenantClaim),
    emailDomains: words(form.emailDomains),
    // Digdir's providers vouch for people, not for groups: nothing to require there.
    requiredGroups: KINDS_REQUIRING_PAR.has(form.kind) ? [] : words(form.requiredGroups),
    allowNewUsers: form.allowNewUsers,
    usePar: form.usePar || KINDS_REQUIRING_PAR.has(form.kind),
    scopes: words(form.scopes),
  };
  if (!editing || form.clientSecret !== '') body.clientSecret = form.clientSecret;
  return body;
}

/** The fields the form shows for `kind` (Entra's tenant claim is fixed, so not asked). */
export function fieldsShown(kind: IdentityProviderKind): ReadonlySet<keyof ProviderForm> {
  const all: (keyof ProviderForm)[] = [
    'displayName',
    'tenant',
    'issuer',
    'clientId',
    'clientSecret',
    'tenantClaim',
    'emailDomains',
    'requiredGroups',
    'allowNewUsers',
    'usePar',
    'scopes',
  ];
  return new Set(
    all.filter(
      (f) =>
        !(kind === 'entra' && f === 'tenantClaim') &&
        // Digdir requires PAR: nothing to choose; and its tokens carry no groups.
        !(KINDS_REQUIRING_PAR.has(kind) && (f === 'usePar' || f === 'requiredGroups')),
    ),
  );
}

/**
 * The server's problems split by where the form shows them: beside a field it shows, or (a
 * field it does not show, or the whole input) above the buttons.
 */
export function placeProblems(
  kind: IdentityProviderKind,
  problems: readonly InputProblem[],
): { byField: Partial<Record<keyof ProviderForm, string>>; other: string[] } {
  const shown = fieldsShown(kind);
  const byField: Partial<Record<keyof ProviderForm, string>> = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(problemsByField(problems))) {
    if (shown.has(field as keyof ProviderForm)) byField[field as keyof ProviderForm] = message;
    else other.push(field ? `${field}: ${message}` : message);
  }
  return { byField, other };
}

/**
 * The contract's messages (`@helhet/model`, identity-providers.ts) that the page says in its
 * own language, by how they begin; any other message is shown as the server gave it.
 */
const PROBLEM_KEYS: readonly (readonly [prefix: string, key: string])[] = [
  ['must not be empty', 'required'],
  ['must be a URL', 'url'],
  ['must use https', 'https'],
  ['must be the issuer of one tenant', 'entraIssuer'],
  ['must be the tenant of the issuer', 'entraTenant'],
  ['must name the claim', 'tenantClaim'],
  ['must be a domain name', 'domain'],
  ['must include openid', 'openid'],
  ['must be at most', 'tooLong'],
];

/** The translation key (under `identityProviders.problem`) of a server message, if known. */
export function problemKeyOf(message: string): string | null {
  return PROBLEM_KEYS.find(([prefix]) => message.startsWith(prefix))?.[1] ?? null;
}
