/**
 * axe-core finds no serious or critical WCAG 2.1 A/AA violations on the Fremtid 2040
 * pages, in bokmål, nynorsk and English, with the chart tables opened as well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
let dialogueCode = '';
beforeAll(async () => {
  h = await startHarness();
  const response = await fetch(`${h.server.url}/api/fremtid/dialogues`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Halden mot 2040',
      regionCode: '3101',
      statements: [{ text: 'Flere eldre kan bo hjemme lenger med velferdsteknologi' }],
    }),
  });
  dialogueCode = ((await response.json()) as { dialogue: { code: string } }).dialogue.code;
});
afterAll(async () => {
  await h?.close();
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

/**
 * Every Fremtid page, with what to wait for before checking and, for a region's pages, the
 * region's name, which its title must contain.
 */
const FREMTID_PAGES = (): readonly { path: string; ready: string; region?: string }[] => [
  { path: '/fremtid', ready: '[data-testid="norge-total-2040"]' },
  { path: '/fremtid/kommune', ready: 'input[role="combobox"]' },
  { path: '/fremtid/kommune/3101', ready: '[data-testid="key-total-2040"]', region: 'Halden' },
  { path: '/fremtid/kommune/46', ready: '[data-testid="key-total-2040"]', region: 'Vestland' },
  {
    path: '/fremtid/kommune/3101/faktaark',
    ready: '[data-testid="fact-total-2040"]',
    region: 'Halden',
  },
  { path: '/fremtid/scenario?k=1508', ready: '[data-testid="scn-total-2040"]' },
  { path: '/fremtid/dialog', ready: 'input[role="combobox"]' },
  { path: `/fremtid/dialog/${dialogueCode}`, ready: 'main input[type="radio"]' },
  { path: `/fremtid/dialog/${dialogueCode}/skjerm`, ready: '[data-testid="result-0"]' },
  { path: '/fremtid/embed/3101', ready: '[data-testid="embed-total-2040"]', region: 'Halden' },
];

describe.each(['nb', 'nn', 'en'] as const)('Fremtid accessibility in %s', (language) => {
  // One test per page keeps each within the e2e timeout; the path list needs the dialogue
  // created in beforeAll, so pages are looked up by index.
  it.each(Array.from({ length: 10 }, (_, i) => i))(
    'page %i has no serious or critical violations',
    async (i) => {
      const { path, ready, region } = FREMTID_PAGES()[i]!;
      const page = await h.newPage({ language });
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
    },
  );
});
