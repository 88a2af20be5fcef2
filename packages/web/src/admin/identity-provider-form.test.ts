import { describe, expect, it } from 'vitest';
import {
  IDENTITY_PROVIDER_KINDS,
  IdentityProviderInput,
  IdentityProviderPatch,
  type IdentityProviderView,
} from '@helhet/model';
import {
  entraIssuer,
  fieldsShown,
  formOf,
  inputOf,
  newForm,
  placeProblems,
  problemKeyOf,
  withKind,
  withTenant,
} from './identity-provider-form.ts';

const TENANT = '1b6c2f0e-7d3a-4c55-9f2e-0a1b2c3d4e5f';

/** A preset filled in the way an administrator would: name, client, secret, Entra's tenant. */
function filled(kind: (typeof IDENTITY_PROVIDER_KINDS)[number]) {
  let form = newForm(kind);
  form = { ...form, displayName: form.displayName || 'Kommunen', clientId: 'c', clientSecret: 's' };
  if (kind === 'entra') form = withTenant(form, TENANT);
  if (kind === 'generic') form = { ...form, issuer: 'https://idp.kommune.no' };
  return form;
}

describe('the presets', () => {
  it.each(IDENTITY_PROVIDER_KINDS)('give a %s provider the contract accepts', (kind) => {
    const result = IdentityProviderInput.safeParse(inputOf(filled(kind), false));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('require PAR for ID-porten and Ansattporten, and use their own issuers and scopes', () => {
    for (const kind of ['idporten', 'ansattporten'] as const) {
      const body = inputOf({ ...filled(kind), usePar: false }, false);
      expect(body.usePar).toBe(true);
      expect(body.scopes).toEqual(['openid', 'profile']);
      expect(fieldsShown(kind).has('usePar')).toBe(false);
    }
    expect(newForm('idporten').issuer).toBe('https://idporten.no');
    expect(newForm('ansattporten').issuer).toBe('https://ansattporten.no');
    expect(newForm('feide').issuer).toBe('https://auth.dataporten.no');
  });

  it('give Entra the issuer of the tenant typed, never /common, and no claim to choose', () => {
    const form = withTenant(newForm('entra'), TENANT);
    expect(form.issuer).toBe(`https://login.microsoftonline.com/${TENANT}/v2.0`);
    // The issuer keeps following while it is the tenant's own...
    expect(withTenant(form, 'other').issuer).toBe(entraIssuer('other'));
    // ...but not once the administrator has written another one.
    const own = { ...form, issuer: 'https://login.microsoftonline.us/x/v2.0' };
    expect(withTenant(own, 'y').issuer).toBe(own.issuer);
    expect(inputOf(form, false).tenantClaim).toBeNull();
    expect(fieldsShown('entra').has('tenantClaim')).toBe(false);
    const common = IdentityProviderInput.safeParse(
      inputOf({ ...form, tenant: '', issuer: entraIssuer('common') }, false),
    );
    expect(common.success).toBe(false);
  });

  it('keep what was typed when the kind changes, but not the old preset', () => {
    const feide = { ...newForm('feide'), clientId: 'c1', emailDomains: 'uio.no' };
    const idporten = withKind(feide, 'idporten');
    expect(idporten).toMatchObject({
      displayName: 'ID-porten',
      issuer: 'https://idporten.no',
      clientId: 'c1',
      emailDomains: 'uio.no',
      usePar: true,
    });
    expect(withKind({ ...feide, displayName: 'Universitetet' }, 'generic').displayName).toBe(
      'Universitetet',
    );
  });
});

describe('the form and the body it sends', () => {
  const view: IdentityProviderView = {
    id: 'idp-1',
    kind: 'feide',
    displayName: 'Feide',
    issuer: 'https://auth.dataporten.no',
    clientId: 'c',
    hasClientSecret: true,
    secretUnreadable: false,
    tenant: null,
    tenantClaim: null,
    emailDomains: ['uio.no', 'ntnu.no'],
    requiredGroups: ['fc:org:uio.no'],
    allowNewUsers: true,
    usePar: false,
    scopes: ['openid', 'email', 'profile'],
    source: 'database',
    createdAt: '2026-01-01T00:00:00.000Z',
  };

  it('round-trips a provider, and a change leaves the secret out unless a new one is typed', () => {
    const form = formOf(view);
    expect(form.clientSecret).toBe('');
    const body = inputOf(form, true);
    expect(body).not.toHaveProperty('clientSecret');
    expect(IdentityProviderPatch.parse(body)).toMatchObject({
      emailDomains: ['uio.no', 'ntnu.no'],
      requiredGroups: ['fc:org:uio.no'],
      scopes: ['openid', 'email', 'profile'],
      tenant: null,
    });
    expect(inputOf({ ...form, clientSecret: 'new' }, true).clientSecret).toBe('new');
  });

  it('splits domains and scopes on commas, spaces and lines', () => {
    const body = inputOf(
      { ...formOf(view), emailDomains: 'a.no, b.no\nc.no;d.no', scopes: 'openid  email' },
      true,
    );
    expect(body.emailDomains).toEqual(['a.no', 'b.no', 'c.no', 'd.no']);
    expect(body.scopes).toEqual(['openid', 'email']);
  });

  it('asks for required groups, except of Digdir, whose tokens carry none', () => {
    const entra = { ...newForm('entra'), requiredGroups: 'helhet-brukere, 0b1c2d3e-0000\nledere' };
    expect(inputOf(entra, false).requiredGroups).toEqual([
      'helhet-brukere',
      '0b1c2d3e-0000',
      'ledere',
    ]);
    expect(fieldsShown('entra').has('requiredGroups')).toBe(true);
    for (const kind of ['idporten', 'ansattporten'] as const) {
      expect(fieldsShown(kind).has('requiredGroups')).toBe(false);
      expect(inputOf({ ...newForm(kind), requiredGroups: 'x' }, false).requiredGroups).toEqual([]);
    }
  });

  it("places the server's problems beside the fields shown, the rest above the buttons", () => {
    const placed = placeProblems('entra', [
      { path: 'issuer', message: 'must be the issuer of one tenant' },
      { path: 'emailDomains[1]', message: 'must be a domain name' },
      { path: 'tenantClaim', message: 'not shown for Entra' },
      { path: '', message: 'whole input' },
    ]);
    expect(placed.byField).toEqual({
      issuer: 'must be the issuer of one tenant',
      emailDomains: 'must be a domain name',
    });
    expect(placed.other).toEqual(['tenantClaim: not shown for Entra', 'whole input']);
  });
});

describe("the server's messages", () => {
  it("are known by the contract's words, so the page can say them in its language", () => {
    const refused = (body: Record<string, unknown>) =>
      IdentityProviderInput.safeParse(body).error?.issues.map((i) => problemKeyOf(i.message));
    const feide = inputOf(filled('feide'), false);
    expect(refused({ ...feide, issuer: 'http://idp.example.no' })).toEqual(['https']);
    expect(refused({ ...feide, issuer: 'not a url' })?.[0]).toBe('url');
    expect(refused({ ...feide, clientId: '' })).toEqual(['required']);
    expect(refused({ ...feide, emailDomains: ['x'] })).toEqual(['domain']);
    expect(refused({ ...feide, scopes: ['email'] })).toEqual(['openid']);
    expect(refused({ ...feide, tenant: 'org' })).toEqual(['tenantClaim']);
    const entra = inputOf(filled('entra'), false);
    expect(refused({ ...entra, tenant: null, issuer: entraIssuer('common') })).toEqual([
      'entraIssuer',
    ]);
    expect(refused({ ...entra, tenant: 'another' })).toEqual(['entraTenant']);
    expect(problemKeyOf('something new')).toBeNull();
  });
});
