/**
 * axe-core finds no serious or critical WCAG 2.1 A/AA violations on the start page, the
 * workspace page, the map page and its outline view, in bokmål, nynorsk and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitForCanvas, type Harness, seriousViolations } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe.each(['nb', 'nn', 'en'] as const)('accessibility in %s', (language) => {
  it('start, workspace, map and outline have no serious or critical violations', async () => {
    const page = await h.newPage({ language });
    await page.goto(h.server.url);
    const workspaceLink = page.getByRole('link', {
      name: 'Partnerskap for radikal innovasjon (eksempel)',
    });
    await workspaceLink.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    const found: Record<string, unknown[]> = {};
    found.start = await seriousViolations(page);
    // Every page names itself first in its title (WCAG 2.4.2).
    expect(await page.title()).toMatch(/^\S.* – Helhet$/);

    await workspaceLink.click();
    const mapLink = page.getByRole('link', { name: 'Ungt utenforskap' });
    await mapLink.waitFor();
    found.workspace = await seriousViolations(page);
    expect(await page.title()).toMatch(
      /^Partnerskap for radikal innovasjon \(eksempel\) – .+ – Helhet$/,
    );

    await mapLink.click();
    await waitForCanvas(page);
    found.map = await seriousViolations(page);
    expect(await page.title()).toBe('Ungt utenforskap – Helhet');

    // The outline view, the accessible alternative to the canvas.
    await page.getByRole('tab').nth(1).click();
    await page.locator('#new-element-label').waitFor();
    found.outline = await seriousViolations(page);
    expect(found).toEqual({ start: [], workspace: [], map: [], outline: [] });
    await page.context().close();
  });
});
