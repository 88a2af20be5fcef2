/**
 * axe-core finds no serious or critical WCAG 2.1 A/AA violations on the Fremtid 2040
 * pages, in bokmål, nynorsk and English, with the chart tables opened as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FREMTID_PAGE_NAMES,
  fremtidPageName,
  type FremtidPageName,
} from '../packages/web/src/core/fremtid/routes.ts';
import { startHarness, type Harness, seriousViolations } from './harness.ts';

let h: Harness;
let dialogueCode = '';
let dialogueId = '';
let facilitatorToken = '';
beforeAll(async () => {
  h = await startHarness();
  const response = await h.api('/api/fremtid/dialogues', {
    method: 'POST',
    body: JSON.stringify({
      title: 'Halden mot 2040',
      regionCode: '3101',
      statements: [{ text: 'Flere eldre kan bo hjemme lenger med velferdsteknologi' }],
    }),
  });
  const created = (await response.json()) as {
    dialogue: { id: string; code: string };
    facilitatorToken: string;
  };
  dialogueCode = created.dialogue.code;
  dialogueId = created.dialogue.id;
  facilitatorToken = created.facilitatorToken;
});
afterAll(async () => {
  await h?.close();
});

/** How to check one page: its path, what to wait for, and the region its title names. */
interface PageCheck {
  path: string;
  ready: string;
  region?: string;
  /** The facilitator's and projector pages need the token of the device that created it. */
  asFacilitator?: boolean;
}

/**
 * The pages to check, for every page the app lists (`FREMTID_PAGE_NAMES`): typed by page
 * name, so a new page does not compile here until it has a check. The dialogue's paths are
 * functions because its code is only known once `beforeAll` has created it.
 */
const CHECKS: Record<FremtidPageName, readonly (() => PageCheck)[]> = {
  norge: [() => ({ path: '/fremtid', ready: '[data-testid="norge-total-2040"]' })],
  kommuneSearch: [() => ({ path: '/fremtid/kommune', ready: 'input[role="combobox"]' })],
  kommune: [
    () => ({
      path: '/fremtid/kommune/3101',
      ready: '[data-testid="key-total-2040"]',
      region: 'Halden',
    }),
    () => ({
      path: '/fremtid/kommune/46',
      ready: '[data-testid="key-total-2040"]',
      region: 'Vestland',
    }),
  ],
  faktaark: [
    () => ({
      path: '/fremtid/kommune/3101/faktaark',
      ready: '[data-testid="fact-total-2040"]',
      region: 'Halden',
    }),
  ],
  scenario: [() => ({ path: '/fremtid/scenario?k=1508', ready: '[data-testid="scn-total-2040"]' })],
  'dialog.home': [() => ({ path: '/fremtid/dialog', ready: 'input[role="combobox"]' })],
  'dialog.participant': [
    () => ({ path: `/fremtid/dialog/${dialogueCode}`, ready: 'main input[type="radio"]' }),
  ],
  'dialog.projector': [
    // The results are for the facilitator's device (and participants), not for anyone.
    () => ({
      path: `/fremtid/dialog/${dialogueCode}/skjerm`,
      ready: '[data-testid="result-0"]',
      asFacilitator: true,
    }),
  ],
  'dialog.facilitator': [
    () => ({
      path: `/fremtid/dialog/${dialogueCode}/fasilitator`,
      ready: '[data-testid="dialog-code"]',
      asFacilitator: true,
    }),
  ],
  embed: [
    () => ({
      path: '/fremtid/embed/3101',
      ready: '[data-testid="embed-total-2040"]',
      region: 'Halden',
    }),
  ],
};

/** Every page the app lists, with each of its checks (one test each, within the timeout). */
const CASES = FREMTID_PAGE_NAMES.flatMap((name) =>
  CHECKS[name].map((check, i) => ({ label: `${name} #${i + 1}`, name, check })),
);

it('checks every page the app lists, at a path that shows that page', () => {
  for (const name of FREMTID_PAGE_NAMES) {
    expect(CHECKS[name].length, name).toBeGreaterThan(0);
    for (const check of CHECKS[name]) {
      const path = new URL(check().path, 'http://x').pathname;
      expect(fremtidPageName(path.split('/').filter(Boolean).slice(1)), path).toBe(name);
    }
  }
});

describe.each(['nb', 'nn', 'en'] as const)('Fremtid accessibility in %s', (language) => {
  it.each(CASES)('$label has no serious or critical violations', async ({ check }) => {
    const { path, ready, region, asFacilitator } = check();
    const page = await h.newPage({ language });
    if (asFacilitator)
      await page.addInitScript(
        ([key, token]) => localStorage.setItem(key!, token!),
        [`helhet.fremtid.facilitator.${dialogueId}`, facilitatorToken],
      );
    await page.goto(`${h.server.url}${path}`);
    // Visible, not just attached: a page that suspends is in the DOM, hidden, before it is shown.
    await page.locator(ready).first().waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    // Every page names itself first in its title (WCAG 2.4.2); a region's page by the region.
    const title = await page.title();
    expect(title).toMatch(/^\S.* – Helhet$/);
    if (region) expect(title).toContain(region);
    const found: Record<string, unknown[]> = { [path]: await seriousViolations(page) };
    // The table alternative of the first chart, where there is one.
    const toggle = page.locator('.fremtid-chart__actions button[aria-pressed]').first();
    if ((await toggle.count()) > 0) {
      await toggle.click();
      found[`${path} (table)`] = await seriousViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await page.context().close();
  });
});
