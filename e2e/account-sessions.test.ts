/**
 * The account page's sessions: a person signed in on two browsers sees both on /account,
 * this one marked, ends the other with the keyboard alone (after the confirmation), and
 * that browser is signed out; the page has no serious or critical axe violations. With
 * `HELHET_SCREENSHOTS=<folder>` a screenshot of the page is written there.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, startHarness, tabUntil, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('sessions on the account page', () => {
  it('lists both browsers and ends the other one from the keyboard', async () => {
    const here = await h.person('Kari Innlogget');
    const elsewhere = await h.person('Kari Innlogget');
    // Signing up by invitation made a third session; end it, so the two browsers are left.
    type Listed = { sessions: { id: string; current: boolean }[] };
    const list = async (s: typeof here) =>
      ((await (await s.fetch('/api/auth/sessions')).json()) as Listed).sessions;
    const keep = new Set([
      (await list(here)).find((s) => s.current)!.id,
      (await list(elsewhere)).find((s) => s.current)!.id,
    ]);
    for (const s of await list(here))
      if (!keep.has(s.id))
        expect((await here.fetch(`/api/auth/sessions/${s.id}`, { method: 'DELETE' })).status).toBe(
          204,
        );
    const page = await h.newPage({ signedIn: here });
    await page.goto(`${h.server.url}/account`);
    const table = page.getByRole('table', { name: 'Innlogginger' });
    await table.waitFor();
    const rows = table.getByRole('row');
    // The header row and one row per browser.
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => table.getByText('(denne nettleseren)').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    if (process.env.HELHET_SCREENSHOTS) {
      await mkdir(process.env.HELHET_SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: join(process.env.HELHET_SCREENSHOTS, 'account-sessions.png'),
        fullPage: true,
      });
    }

    const end = table.getByRole('button', { name: /^Avslutt innloggingen/ });
    const label = (await end.getAttribute('aria-label'))!;
    await page.locator('body').focus();
    await tabUntil(page, { ariaLabel: label });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.keyboard.press('Enter');
    await page.getByText(/^Innloggingen i .* er avsluttet\.$/).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect((await elsewhere.fetch('/api/auth/me')).status).toBe(401);
    expect((await here.fetch('/api/auth/me')).status).toBe(200);
  });
});
