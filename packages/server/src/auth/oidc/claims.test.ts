import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './claims.ts';
import { IdentityProviderInput } from '@helhet/model';
import type { IdentityProvider } from './store.ts';

const TENANT = '1b6c2f0e-7d3a-4c55-9f2e-0a1b2c3d4e5f';

function provider(fields: Record<string, unknown>): IdentityProvider {
  const input = IdentityProviderInput.parse({
    kind: 'generic',
    displayName: 'P',
    issuer: 'https://idp.example.no',
    clientId: 'c',
    clientSecret: 's',
    ...fields,
  });
  return { ...input, id: 'p', source: 'database', createdAt: '', updatedAt: '' };
}

const entra = provider({
  kind: 'entra',
  issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
});

describe('claim mapping', () => {
  it('takes name, or given and family name, and the e-mail in lower case', () => {
    const p = provider({});
    expect(identityFromClaims({ sub: '1', email: 'Kari@Kommune.NO', name: 'Kari N' }, p)).toEqual({
      issuer: 'https://idp.example.no',
      subject: '1',
      email: 'kari@kommune.no',
      emailVerified: false,
      name: 'Kari N',
    });
    expect(
      identityFromClaims({ sub: '1', email: 'k@x.no', given_name: 'Kari', family_name: 'N' }, p),
    ).toMatchObject({ name: 'Kari N' });
    expect(identityFromClaims({ sub: '1', email: 'kari@x.no' }, p)).toMatchObject({ name: 'kari' });
  });

  it("falls back to Entra's preferred_username, and only for Entra", () => {
    const claims = { sub: '1', tid: TENANT, preferred_username: 'Per@Kommune.no' };
    expect(identityFromClaims(claims, entra)).toMatchObject({ email: 'per@kommune.no' });
    expect(identityFromClaims(claims, provider({}))).toEqual({ refused: 'email-missing' });
  });

  it('vouches for an e-mail when the claims say so, or the kind issues the addresses', () => {
    const person = { sub: '1', email: 'k@kommune.no' };
    const vouched = (claims: Record<string, unknown>, p: IdentityProvider) =>
      (identityFromClaims(claims, p) as { emailVerified?: boolean }).emailVerified;
    expect(vouched({ ...person, email_verified: true }, provider({}))).toBe(true);
    expect(vouched({ ...person, email_verified: 'true' }, provider({}))).toBe(true);
    expect(vouched(person, provider({}))).toBe(false);
    expect(vouched({ ...person, tid: TENANT }, entra)).toBe(true);
    expect(vouched(person, provider({ kind: 'feide', issuer: 'https://auth.dataporten.no' }))).toBe(
      true,
    );
    const idporten = provider({ kind: 'idporten', issuer: 'https://idporten.no', usePar: true });
    expect(vouched(person, idporten)).toBe(false);
    expect(vouched({ ...person, email_verified: true }, idporten)).toBe(true);
  });

  it('refuses an e-mail the provider says is not verified', () => {
    expect(
      identityFromClaims({ sub: '1', email: 'k@x.no', email_verified: false }, provider({})),
    ).toEqual({ refused: 'email-missing' });
  });

  it("checks Entra's tid against the tenant of the configured issuer", () => {
    expect(entra.tenant).toBe(TENANT);
    const person = { sub: '1', email: 'p@kommune.no' };
    expect(identityFromClaims({ ...person, tid: TENANT.toUpperCase() }, entra)).toMatchObject({
      email: 'p@kommune.no',
    });
    expect(identityFromClaims({ ...person, tid: 'other' }, entra)).toEqual({
      refused: 'tenant-not-allowed',
    });
    expect(identityFromClaims(person, entra)).toEqual({ refused: 'tenant-not-allowed' });
  });

  it('checks the organisation claim a generic provider names', () => {
    const p = provider({ tenant: 'org-1', tenantClaim: 'org' });
    expect(identityFromClaims({ sub: '1', email: 'a@b.no', org: 'org-2' }, p)).toEqual({
      refused: 'tenant-not-allowed',
    });
  });

  it('admits only people in one of the required groups or app roles', () => {
    const p = provider({
      requiredGroups: ['helhet-brukere', 'a1f0c9e2-0000-4000-8000-000000000001'],
    });
    const person = { sub: '1', email: 'a@kommune.no' };
    for (const held of [
      { groups: ['andre', 'helhet-brukere'] },
      { roles: ['a1f0c9e2-0000-4000-8000-000000000001'] },
    ])
      expect(identityFromClaims({ ...person, ...held }, p)).toMatchObject({ subject: '1' });
    for (const held of [
      {},
      { groups: ['andre'] },
      { groups: 'helhet-brukere' }, // not a list: no group at all
      { groups: ['Helhet-Brukere'] }, // compared exactly
      { _claim_names: { groups: 'src1' } }, // Entra's overage: the groups are not in the token
    ])
      expect(identityFromClaims({ ...person, ...held }, p)).toEqual({
        refused: 'group-not-allowed',
      });
    // No required group: anyone the other rules admit.
    expect(identityFromClaims(person, provider({}))).toMatchObject({ subject: '1' });
  });

  it('serves only the configured e-mail domains', () => {
    const p = provider({ emailDomains: ['kommune.no'] });
    expect(identityFromClaims({ sub: '1', email: 'a@kommune.no' }, p)).toMatchObject({
      email: 'a@kommune.no',
    });
    expect(identityFromClaims({ sub: '1', email: 'a@sub.kommune.no' }, p)).toEqual({
      refused: 'email-domain-not-served',
    });
    expect(identityFromClaims({ sub: '1', email: 'a@kommune.no.evil.example' }, p)).toEqual({
      refused: 'email-domain-not-served',
    });
  });
});
