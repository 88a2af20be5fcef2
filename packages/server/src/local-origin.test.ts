import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.ts';
import { hostAllowed, originAllowed } from './local-origin.ts';

const embedded = resolveConfig({ port: 4321 }, {});
const proxied = resolveConfig(
  { host: '10.0.0.5', port: 4321, publicUrl: 'https://helhet.example.no' },
  {},
);
const ownTls = resolveConfig(
  { host: '0.0.0.0', port: 8443, tlsCert: '/c.pem', tlsKey: '/k.pem' },
  {},
);

describe('originAllowed', () => {
  it('accepts the embedded default only on its own loopback port', () => {
    expect(originAllowed('http://127.0.0.1:4321', embedded)).toBe(true);
    expect(originAllowed('http://localhost:4321', embedded)).toBe(true);
    expect(originAllowed('http://[::1]:4321', embedded)).toBe(true);
    // Another program on this machine (a dev server, a malicious local page) is foreign.
    expect(originAllowed('http://127.0.0.1:5173', embedded)).toBe(false);
    expect(originAllowed('http://localhost:8080', embedded)).toBe(false);
    expect(originAllowed('https://127.0.0.1:4321', embedded)).toBe(false);
    expect(originAllowed('https://evil.example', embedded)).toBe(false);
    expect(originAllowed('null', embedded)).toBe(false);
    expect(originAllowed('not a url', embedded)).toBe(false);
  });

  it('accepts only the public origin behind a proxy', () => {
    expect(originAllowed('https://helhet.example.no', proxied)).toBe(true);
    expect(originAllowed('https://HELHET.example.no:443', proxied)).toBe(true);
    expect(originAllowed('http://helhet.example.no', proxied)).toBe(false);
    expect(originAllowed('https://helhet.example.no.evil.example', proxied)).toBe(false);
    expect(originAllowed('http://127.0.0.1:4321', proxied)).toBe(false);
  });

  it('is the same-origin rule with own TLS and no public URL', () => {
    expect(originAllowed('https://helhet.lan:8443', ownTls, 'helhet.lan:8443')).toBe(true);
    expect(originAllowed('https://evil.example', ownTls, 'helhet.lan:8443')).toBe(false);
    expect(originAllowed('http://helhet.lan:8443', ownTls, 'helhet.lan:8443')).toBe(false);
    expect(originAllowed('https://helhet.lan:8443', ownTls)).toBe(false);
  });
});

describe('hostAllowed (DNS rebinding)', () => {
  it('accepts loopback names on the embedded default and nothing else', () => {
    expect(hostAllowed('127.0.0.1:4321', embedded)).toBe(true);
    expect(hostAllowed('localhost:4321', embedded)).toBe(true);
    expect(hostAllowed('[::1]:4321', embedded)).toBe(true);
    expect(hostAllowed('evil.example:4321', embedded)).toBe(false);
    expect(hostAllowed(undefined, embedded)).toBe(false);
  });

  it('accepts the public host and IP literals behind a proxy, not other names', () => {
    expect(hostAllowed('helhet.example.no', proxied)).toBe(true);
    expect(hostAllowed('10.0.0.5:4321', proxied)).toBe(true);
    expect(hostAllowed('[fd00::5]:4321', proxied)).toBe(true);
    expect(hostAllowed('evil.example', proxied)).toBe(false);
    expect(hostAllowed('backend:4321', proxied)).toBe(false);
  });
});
