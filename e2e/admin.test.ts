/**
 * Administration: an administrator finds a person on /admin, deactivates them (the person's
 * open page loses its session), downloads the audit log as CSV from /admin/audit, and adds a
 * sign-in service on /admin/identity-providers (the server's refusal shown beside the field);
 * the pages have no serious or critical axe violations, and a non-administrator gets the plain
 * no-access message. With `HELHET_SCREENSHOTS=<folder>`, screenshots of both pages at 1280×720,
 * 1920×1080 and 360 px wide are written there (to look at how they read).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { emailOf, signInByApi, startHarness, type Harness, seriousViolations } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const SHOTS = process.env.HELHET_SCREENSHOTS ?? null;
const VIEWPORTS = [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '360', width: 360, height: 800 },
];

async function screenshots(page: Page, name: string) {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  for (const v of VIEWPORTS) {
    await page.setViewportSize({ width: v.width, height: v.height });
    await page.screenshot({ path: join(SHOTS, `${name}-${v.name}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

describe('administration', () => {
  it('an administrator deactivates a person and downloads the audit CSV', async () => {
    const kari = await h.person('Kari Deaktiveres');
    const kariPage = await h.newPage({ signedIn: kari });
    await kariPage.goto(`${h.server.url}/`);
    // Kari is not an administrator: the account menu has no link, /admin says no access.
    await kariPage.goto(`${h.server.url}/admin`);
    await kariPage
      .getByRole('heading', { level: 1, name: 'Du har ikke tilgang til dette.' })
      .waitFor();

    const page = await h.newPage();
    await page.goto(`${h.server.url}/`);
    await page.getByRole('button', { name: /^Konto:/ }).click();
    await page.getByRole('link', { name: 'Administrasjon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('searchbox', { name: 'Søk etter navn eller e-post' }).fill('deaktiveres');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: emailOf('Kari Deaktiveres') });
    await row.waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await row.getByRole('button', { name: 'Deaktiver Kari Deaktiveres' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Kari Deaktiveres er deaktivert og logget ut overalt.' })
      .waitFor({ state: 'attached' });
    await row.getByRole('cell', { name: 'Deaktivert' }).waitFor();
    // The erasure dialog names what goes and what stays, and Escape leaves without erasing.
    await row
      .getByRole('button', { name: 'Slett Kari Deaktiveres og personopplysningene' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Slette Kari Deaktiveres?' });
    await dialog.getByText('Dette beholdes').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await screenshots(page, 'admin-users');

    // Kari's session has ended: her next request is refused.
    const me = await kari.fetch('/api/auth/me');
    expect(me.status).toBe(401);

    await page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Revisjonslogg' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Revisjonslogg' }).waitFor();
    await page.getByRole('textbox', { name: 'Hendelse' }).fill('user-deactivated');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.getByRole('cell', { name: 'user-deactivated' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'admin-audit');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,action,actor,actor_name,workspace_id,address,details');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',user-deactivated,');
    await page.context().close();
    await kariPage.context().close();
  });

  it('an administrator adds a sign-in service, corrected where the server points', async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/admin/identity-providers`);
    await page.getByRole('heading', { level: 1, name: 'Innloggingstjenester' }).waitFor();
    const navLink = page
      .getByRole('navigation', { name: 'Administrasjon' })
      .getByRole('link', { name: 'Innloggingstjenester' });
    expect(await navLink.getAttribute('aria-current')).toBe('page');
    const redirect = page.getByRole('textbox', { name: 'Adresse for tilbakesending' });
    expect(await redirect.inputValue()).toBe(`${h.server.url}/api/auth/oidc/callback`);
    await page.getByRole('button', { name: 'Legg til innloggingstjeneste' }).click();
    await page.getByLabel('Type').selectOption('feide');
    const issuer = page.getByRole('textbox', { name: 'Utsteder (issuer)' });
    expect(await issuer.inputValue()).toBe('https://auth.dataporten.no');
    await issuer.fill('http://idp.example.no');
    await page.getByRole('textbox', { name: 'Klient-ID' }).fill('feide-klient');
    await page.getByLabel('Klienthemmelighet').fill('hemmelig-verdi-1');
    await page.getByRole('textbox', { name: 'E-postdomener' }).fill('uio.no, ntnu.no');
    await page.getByRole('textbox', { name: 'Grupper som får logge inn' }).fill('fc:org:uio.no');
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    // The server's problem stands beside the issuer, which is marked invalid.
    await expect.poll(() => issuer.getAttribute('aria-invalid')).toBe('true');
    await page
      .getByText('Må bruke https:// (http bare for en tjeneste på denne maskinen).')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshots(page, 'admin-identity-provider-form');
    await issuer.fill('https://auth.dataporten.no');
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'uio.no, ntnu.no' });
    await row.getByRole('cell', { name: 'Feide', exact: true }).first().waitFor();
    await row.getByRole('button', { name: 'Endre Feide' }).waitFor();
    // Who may sign in through it is read from the list, not only from its form.
    await row.getByText('Bare gruppene: fc:org:uio.no').waitFor();
    await screenshots(page, 'admin-identity-providers');
    await page.context().close();
  });

  it('a person sets a new password with the reset link an administrator made, once', async () => {
    await h.person('Per Glemsk');
    const page = await h.newPage();
    await page.goto(`${h.server.url}/admin`);
    await page.getByRole('searchbox', { name: 'Søk etter navn eller e-post' }).fill('glemsk');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByRole('button', { name: 'Lag lenke for nytt passord til Per Glemsk' }).click();
    const field = page.getByRole('textbox', { name: 'Lenke for nytt passord til Per Glemsk' });
    const url = await field.inputValue();
    expect(url).toMatch(/\/reset#token=/);
    await page.getByRole('button', { name: /Kopier/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const reset = await h.newPage({ signedIn: false });
    await reset.goto(url);
    await reset.getByRole('heading', { level: 1, name: 'Velg nytt passord' }).waitFor();
    expect(await seriousViolations(reset)).toEqual([]);
    await reset.getByLabel('Nytt passord').fill('et-helt-nytt-passord');
    await reset.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await reset.getByText('Passordet er lagret.').waitFor();
    expect(new URL(reset.url()).hash).toBe('');
    await signInByApi(h.server.url, emailOf('Per Glemsk'), 'et-helt-nytt-passord');

    // The same link a second time (a fresh load, not just a changed fragment) is refused, in words.
    await reset.goto('about:blank');
    await reset.goto(url);
    await reset.getByLabel('Nytt passord').fill('enda-et-nytt-passord');
    await reset.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await reset.getByRole('alert').filter({ hasText: 'virker ikke lenger' }).waitFor();
    await reset.context().close();
    await page.context().close();
  });
});
