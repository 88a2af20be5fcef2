/**
 * Single sign-on in Chromium: a person starts signing in at Helhet, signs in on the
 * identity provider's own login page (an in-process `oidc-provider`), consents, and comes
 * back signed in; a person whose e-mail domain the provider does not serve comes back to
 * the sign-in page with the reason.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHelhetServer, resolveConfig, type HelhetServer } from '@helhet/server';
import { IdentityProviderInput } from '@helhet/model';
import {
  startTestOpenIdProvider,
  type TestOpenIdProvider,
} from '../packages/server/src/test/oidc-provider.ts';
import { launchChromium } from './harness.ts';

const WEB_DIST =
  process.env.HELHET_WEB_DIST ?? resolve(import.meta.dirname, '../packages/web/dist');

let dataDir: string;
let server: HelhetServer;
let idp: TestOpenIdProvider;
let browser: Browser;
let providerId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'helhet-e2e-oidc-'));
  server = await createHelhetServer(
    resolveConfig(
      { host: '127.0.0.1', port: 0, data: dataDir },
      {},
      { webDist: existsSync(join(WEB_DIST, 'index.html')) ? WEB_DIST : null },
    ),
  );
  await server.start();
  idp = await startTestOpenIdProvider({
    clients: [
      {
        clientId: 'helhet-e2e',
        clientSecret: 'e2e-secret-value',
        redirectUri: `${server.url}/api/auth/oidc/callback`,
      },
    ],
    accounts: {
      kari: { email: 'kari@kommune.no', name: 'Kari Nordmann' },
      ola: { email: 'ola@gmail.com', name: 'Ola' },
    },
  });
  providerId = (
    await server.identityProviders.create(
      IdentityProviderInput.parse({
        kind: 'generic',
        displayName: 'Kommunens innlogging',
        issuer: idp.issuer,
        clientId: 'helhet-e2e',
        clientSecret: 'e2e-secret-value',
        emailDomains: ['kommune.no'],
        allowNewUsers: true,
      }),
    )
  ).id;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  await idp?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Signs in as `login` on the provider's pages; returns the page where Helhet sent it. */
async function signInThroughProvider(login: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/api/auth/oidc/${providerId}/start?returnTo=/`);
  expect(new URL(page.url()).origin).toBe(new URL(idp.issuer).origin);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === new URL(server.url).origin);
  return { context, page };
}

it('signs a person in through the identity provider and back into Helhet', async () => {
  const { context, page } = await signInThroughProvider('kari');
  expect(new URL(page.url()).pathname).toBe('/');
  const me = await page.request.get(`${server.url}/api/auth/me`);
  expect(me.status()).toBe(200);
  expect((await me.json()).principal).toMatchObject({
    kind: 'user',
    email: 'kari@kommune.no',
    name: 'Kari Nordmann',
  });
  const cookies = await context.cookies(server.url);
  const session = cookies.find((c) => c.name === 'helhet_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  await context.close();
});

it('brings a person the provider may not sign in here back to the sign-in page', async () => {
  const { context, page } = await signInThroughProvider('ola');
  const url = new URL(page.url());
  expect(`${url.pathname}${url.search}`).toBe('/sign-in?error=oidc-email-domain-not-served');
  expect((await context.cookies(server.url)).map((c) => c.name)).not.toContain('helhet_session');
  await context.close();
});
