/**
 * An account's language and presence colour follow the person: chosen from the keyboard in
 * the account menu of one browser, a second, fresh browser signed in as the same person
 * opens in English with that colour in presence (its own list and the first browser's list
 * of who is here). The open menu has no serious or critical axe violations. With
 * `HELHET_SCREENSHOTS=<folder>` the open menu is photographed at 1280×720, 1920×1080 and
 * 360 px wide.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemoMap, seriousViolations, startHarness, tabUntil, type Harness } from './harness.ts';

const NAME = 'Siri Innstilling';
/** Colour 5 of the palette (`PRESENCE_COLOURS[4]`), as the browser reports a background. */
const CHOSEN = 'rgb(91, 60, 196)';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function openMenu(page: Page, name: RegExp) {
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

async function screenshots(page: Page, menuName: RegExp) {
  const folder = process.env.HELHET_SCREENSHOTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
    [360, 740],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.reload();
    await openMenu(page, menuName);
    // The dialog fades in: photograph it when it has.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await page.screenshot({ path: join(folder, `account-menu-${width}.png`) });
    await page.keyboard.press('Escape');
  }
}

describe('account settings', () => {
  it('language and colour chosen in one browser are there in the next', async () => {
    const session = await h.person(NAME);
    const first = await h.newPage({ signedIn: session, language: 'nb', color: '#0062ba' });
    await first.goto(h.server.url);
    const menu = await openMenu(first, new RegExp(`^Konto: ${NAME}`));

    // The language select, from the keyboard: End picks the last language, English.
    await first.locator('body').focus();
    await tabUntil(first, { id: 'account-language' });
    await first.keyboard.press('End');
    await menu.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await first.locator('html').getAttribute('lang')).toBe('en');
    await first.getByText('The language has been saved to your account.').waitFor();
    // Each language is named in itself, whatever the page speaks.
    expect(await menu.getByRole('option').allTextContents()).toEqual([
      'Bokmål',
      'Nynorsk',
      'English',
    ]);

    // The colour swatches: arrow keys move the choice, and each choice is saved.
    await menu.getByRole('radio', { name: 'Colour 1' }).focus();
    for (let i = 0; i < 4; i++) await first.keyboard.press('ArrowRight');
    await expect.poll(() => menu.getByRole('radio', { name: 'Colour 5' }).isChecked()).toBe(true);
    await first.getByText('The colour has been saved to your account.').waitFor();
    expect(await seriousViolations(first, '[role="dialog"], dialog')).toEqual([]);
    const me = async () =>
      ((await (await session.fetch('/api/auth/me')).json()) as { principal: unknown }).principal;
    await expect.poll(me).toMatchObject({ language: 'en', presenceColour: '#5b3cc4' });
    await first.keyboard.press('Escape');

    // A fresh browser whose own storage says bokmål and colour 1: the account wins.
    const second = await h.newPage({ signedIn: await h.person(NAME), language: 'nb' });
    await openDemoMap(second, h.server.url);
    expect(await second.locator('html').getAttribute('lang')).toBe('en');
    await second.getByRole('button', { name: new RegExp(`^Account: ${NAME}`) }).waitFor();
    const mine = second.getByRole('region', { name: 'Here now' }).locator('li').first();
    await expect
      .poll(() => mine.locator('.swatch').evaluate((s) => getComputedStyle(s).backgroundColor))
      .toBe(CHOSEN);

    // The first browser sees the second one with that colour.
    await first.goto(second.url());
    const peer = first.getByTestId('peer').filter({ hasText: NAME });
    await peer.waitFor();
    await expect
      .poll(() => peer.locator('.swatch').evaluate((s) => getComputedStyle(s).backgroundColor))
      .toBe(CHOSEN);

    await first.goto(h.server.url);
    await screenshots(first, new RegExp(`^Account: ${NAME}`));
  });

  it('a visitor who is not signed in keeps the language of this browser', async () => {
    const page = await h.newPage({ signedIn: false, language: 'nn' });
    await page.goto(`${h.server.url}/fremtid`);
    await page.getByRole('link', { name: 'Logg inn' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nn');
  });
});
