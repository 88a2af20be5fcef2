import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.ts';
import { parseIdentityProvidersFile } from './config-file.ts';

const entra = {
  id: 'oslo-entra',
  kind: 'entra',
  displayName: 'Oslo kommune',
  issuer: 'https://login.microsoftonline.com/1b6c2f0e-7d3a-4c55-9f2e-0a1b2c3d4e5f/v2.0',
  clientId: 'c1',
  clientSecret: 's1',
};

function problemsOf(value: unknown): string[] {
  try {
    parseIdentityProvidersFile(JSON.stringify(value), 'idp.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('the file was accepted');
}

describe('the HELHET_IDENTITY_PROVIDERS file', () => {
  it('reads providers with their defaults', () => {
    const [p] = parseIdentityProvidersFile(JSON.stringify({ identityProviders: [entra] }), 'f');
    expect(p).toMatchObject({
      id: 'oslo-entra',
      source: 'file',
      tenant: '1b6c2f0e-7d3a-4c55-9f2e-0a1b2c3d4e5f',
      tenantClaim: 'tid',
      allowNewUsers: false,
      usePar: false,
      emailDomains: [],
    });
  });

  it("gives Digdir's providers the scopes they answer", () => {
    const [p] = parseIdentityProvidersFile(
      JSON.stringify({
        identityProviders: [
          { ...entra, kind: 'idporten', issuer: 'https://idporten.no', usePar: true },
        ],
      }),
      'f',
    );
    expect(p).toMatchObject({ scopes: ['openid', 'profile'], tenant: null, usePar: true });
  });

  it('names every field that is wrong', () => {
    expect(
      problemsOf({
        identityProviders: [
          { ...entra, issuer: 'https://login.microsoftonline.com/common/v2.0' },
          {
            ...entra,
            id: 'Bad Id',
            kind: 'idporten',
            issuer: 'https://idporten.no',
            usePar: false,
          },
          { ...entra, id: 'x', clientSecret: undefined, emailDomains: ['not a domain'] },
        ],
      }),
    ).toEqual([
      'identityProviders[0].issuer: must be the issuer of one tenant (https://login.microsoftonline.com/<tenant id>/v2.0), not /common, /organizations or /consumers',
      'identityProviders[1].id: must be lower-case letters, digits and dashes (e.g. "oslo-entra")',
      'identityProviders[1].usePar: must be true: idporten requires pushed authorisation requests',
      'identityProviders[2].clientSecret: must be a string',
      'identityProviders[2].emailDomains[0]: must be a domain name such as kommune.no',
    ]);
  });

  it('refuses an id used twice, unknown fields and text that is not JSON', () => {
    expect(problemsOf({ identityProviders: [entra, entra] })).toEqual([
      'identityProviders[1].id: "oslo-entra" is used twice',
    ]);
    expect(problemsOf({ identityProviders: [{ ...entra, secret: 'x' }] })[0]).toMatch(
      /^identityProviders\[0\]/,
    );
    expect(() => parseIdentityProvidersFile('{', 'idp.json')).toThrow(/idp\.json is not JSON/);
  });
});
