/**
 * Single sign-on in Chromium: a person starts signing in at Helhet, signs in on the
 * identity provider's own login page (an in-process `oidc-provider`), consents, and comes
 * back signed in; a person whose e-mail domain the provider does not serve comes back to
 * the sign-in page with the reason; and a citizen takes part in a Fremtidsdialog that
 * requires ID-porten, starting the sign-in from the keyboard, without becoming a Helhet user.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHelhetServer, resolveConfig, type HelhetServer } from '@helhet/server';
import { IdentityProviderInput } from '@helhet/model';
import { DialogueStore } from '../packages/server/src/fremtid/dialogue-store.ts';
import {
  startTestOpenIdProvider,
  type TestOpenIdProvider,
} from '../packages/server/src/test/oidc-provider.ts';
import { launchChromium, seriousViolations } from './harness.ts';

const WEB_DIST =
  process.env.HELHET_WEB_DIST ?? resolve(import.meta.dirname, '../packages/web/dist');

let dataDir: string;
let server: HelhetServer;
let idp: TestOpenIdProvider;
let browser: Browser;
let providerId: string;
let idportenId: string;

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
      kari: { email: 'kari@kommune.no', email_verified: true, name: 'Kari Nordmann' },
      ola: { email: 'ola@gmail.com', email_verified: true, name: 'Ola' },
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
  // The same test provider stands in for ID-porten (kind `idporten`, pushed requests).
  idportenId = (
    await server.identityProviders.create(
      IdentityProviderInput.parse({
        kind: 'idporten',
        displayName: 'ID-porten',
        issuer: idp.issuer,
        clientId: 'helhet-e2e',
        clientSecret: 'e2e-secret-value',
        usePar: true,
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

it('lets a citizen answer a dialogue that requires ID-porten, signed in from the keyboard', async () => {
  const { dialogue } = await new DialogueStore(server.database.db).create({
    title: 'Innbyggerdialog Halden',
    regionCode: '3101',
    statements: [{ text: 'Vi må bygge flere omsorgsboliger før 2030' }],
    verificationProviderId: idportenId,
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // Where a refused sign-in ends: the participant page, with the reason in its language.
  await page.goto(`${server.url}/fremtid/dialog/${dialogue.code}?error=state-mismatch`);
  await page.getByText('Innloggingen ble startet i en annen nettleser').waitFor();
  await page.getByText('krever innlogging med ID-porten').waitFor();
  expect(page.url()).toBe(`${server.url}/fremtid/dialog/${dialogue.code}`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Logg inn med ID-porten' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.origin === new URL(idp.issuer).origin);
  await page.locator('input[name="login"]').fill('kari');
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.origin === new URL(server.url).origin);
  await page.getByText('Du er logget inn med ID-porten').waitFor();
  await page.getByRole('radio', { name: 'Enig', exact: true }).check();
  await page.getByText('Svaret er lagret.').waitFor();
  // The participant token never was in the address; its cookie is taken and gone.
  expect(page.url()).toBe(`${server.url}/fremtid/dialog/${dialogue.code}`);
  const cookies = (await context.cookies(server.url)).map((c) => c.name);
  expect(cookies).not.toContain('helhet_session');
  expect(cookies).not.toContain('helhet_fremtid_participant');
  await context.close();
});
