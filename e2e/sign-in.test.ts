/**
 * Signing in: the sign-in page has no serious or critical axe violations in bokmål, nynorsk
 * and English; a page that needs a session leads to sign-in and back there afterwards; the
 * first-start setup link creates the first administrator.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  startHarness,
  startServer,
  waitForCanvas,
  type Harness,
  seriousViolations,
} from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const TITLES = { nb: 'Logg inn', nn: 'Logg inn', en: 'Sign in' } as const;

describe.each(['nb', 'nn', 'en'] as const)('the sign-in page in %s', (language) => {
  it('has no serious or critical violations and names itself', async () => {
    const page = await h.newPage({ language, signedIn: false });
    await page.goto(`${h.server.url}/sign-in`);
    await page.getByRole('heading', { level: 1, name: TITLES[language] }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect(await page.title()).toBe(`${TITLES[language]} – Helhet`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('signing in', () => {
  it('leads from a page that needs a session to sign-in, and back there after it', async () => {
    const { maps } = (await (
      await h.api(
        `/api/workspaces/${((await (await h.api('/api/workspaces')).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id}/maps`,
      )
    ).json()) as { maps: { id: string }[] };
    const page = await h.newPage({ signedIn: false });
    await page.goto(`${h.server.url}/maps/${maps[0]!.id}`);
    await page.waitForURL(/\/sign-in\?next=%2Fmaps%2F/);
    await page.getByRole('textbox', { name: 'E-postadresse' }).fill(ADMIN.email);
    await page.getByLabel('Passord').fill('feil-passord-her');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Feil e-postadresse eller passord.' })
      .waitFor();
    await page.getByLabel('Passord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(`${h.server.url}/maps/${maps[0]!.id}`);
    await waitForCanvas(page);
    // Signing out ends the session and leads to sign-in again.
    await page.getByRole('button', { name: /^Konto: / }).click();
    await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
    await page.waitForURL(/\/sign-in$/);
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(status).toBe(401);
    await page.context().close();
  });
});

describe('first start', () => {
  it('the setup link creates the first administrator, who owns the demo workspace', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'helhet-e2e-setup-'));
    const server = await startServer(dataDir, false);
    try {
      expect(server.setupUrl).toMatch(/\/setup#token=/);
      const context = await h.browser.newContext();
      const page = await context.newPage();
      await page.goto(server.setupUrl!);
      await page.getByRole('heading', { level: 1, name: 'Første oppstart' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('textbox', { name: 'Navn' }).fill('Første Administrator');
      await page.getByRole('textbox', { name: 'E-postadresse' }).fill('forste@helhet.test');
      await page.getByLabel('Passord').fill('et-langt-passord');
      await page.getByRole('button', { name: 'Opprett administrator' }).click();
      await page
        .getByRole('link', { name: 'Partnerskap for radikal innovasjon (eksempel)' })
        .waitFor();
      await page.getByRole('button', { name: 'Konto: Første Administrator' }).waitFor();
      // The link is spent.
      await page.goto(server.setupUrl!);
      await page.getByText('Helhet er allerede satt opp.').waitFor();
      await context.close();
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
