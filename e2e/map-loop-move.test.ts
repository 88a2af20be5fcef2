/**
 * "See a loop move" on the demo map in Chromium against a real server: pick a loop in the
 * loop panel, nudge it, step with buttons and keys, read each step's sentence and the canvas
 * badges, and end on the same verdict as the loop's own badge; play a loop through; spread a
 * signal from an element; axe on the panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openDemoMap,
  seriousViolations,
  startHarness,
  elementNode,
  type Harness,
} from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const LOS = 'Fast losperson for den unge';
const NAV = 'Lite samordnet oppfølging fra NAV';
const UTENFOR = 'Utenfor arbeid og utdanning';

/** The arrow badge an element wears, as drawn (the emphasis stylesheet's `::after`). */
function badgeOf(page: Page, label: string) {
  return elementNode(page, label)
    .locator('.element-node')
    .evaluate((n) => getComputedStyle(n, '::after').content);
}

async function openLoops(page: Page) {
  await openDemoMap(page, h.server.url);
  // The dock starts open on wide screens only.
  const toggle = page.locator('.analysis-dock__toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await page.getByTestId('loop-status').getByText('Fant 3 løkker').waitFor();
}

describe('see a loop move', () => {
  it('steps a balancing loop with buttons and keys and ends on its own verdict', async () => {
    const page = await h.newPage({ viewport: { width: 1920, height: 1080 } });
    await openLoops(page);
    // Shortest first: the three-link loop through the losperson.
    const loop = page.getByTestId('loop-item').first();
    expect(await loop.textContent()).toContain(`${LOS} → ${NAV} → ${UTENFOR} → ${LOS}`);
    expect(await loop.textContent()).toContain('Balanserende (B)');
    const opener = loop.getByRole('button', { name: 'Se løkken bevege seg' });
    await opener.click();

    const panel = page.getByRole('region', { name: 'Se løkken bevege seg' });
    await panel.waitFor();
    expect(await panel.getByTestId('signal-illustration-note').textContent()).toBe(
      'Illustrasjon — viser retning, ikke størrelse eller tid',
    );
    const narrative = panel.getByTestId('signal-narrative');
    expect(await narrative.getAttribute('aria-live')).toBe('polite');
    expect(await narrative.textContent()).toBe(`Steg 0: Mer «${LOS}».`);
    expect(await panel.getByTestId('signal-progress').textContent()).toBe('Steg 0 av 3');
    // Only the start has moved: everything else fades, the start wears "up".
    await expect.poll(() => badgeOf(page, LOS)).toBe('"↑ mer"');
    expect(await elementNode(page, NAV).evaluate((n) => getComputedStyle(n).opacity)).toBe('0.18');

    await panel.getByRole('button', { name: 'Neste steg' }).click();
    await expect
      .poll(() => narrative.textContent())
      .toBe(`Steg 1: Mer «${LOS}» gir mindre «${NAV}» (−).`);
    await expect.poll(() => badgeOf(page, NAV)).toBe('"↓ mindre"');
    expect(await elementNode(page, NAV).evaluate((n) => getComputedStyle(n).opacity)).toBe('1');
    expect(await seriousViolations(page, '[data-testid="signal-panel"]')).toEqual([]);

    // The keys step too, from anywhere in the panel.
    await panel.getByRole('button', { name: 'Neste steg' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => narrative.textContent())
      .toBe(`Steg 2: Mindre «${NAV}» gir mindre «${UTENFOR}» (+).`);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => narrative.textContent()).toContain('Steg 1:');
    await page.keyboard.press('End');
    await expect.poll(() => narrative.textContent()).toContain('Steg 3:');
    const end = (await narrative.textContent())!;
    expect(end).toContain(`Mindre «${UTENFOR}» gir mindre «${LOS}» (+).`);
    expect(end).toContain(`Signalet kommer tilbake til «${LOS}» i motsatt retning`);
    expect(end).toContain('En balanserende løkke');
    // The verdict is the loop's own type, in the loop panel's own words.
    expect(await panel.getByTestId('signal-verdict').textContent()).toContain('Balanserende (B)');
    await expect.poll(() => badgeOf(page, LOS)).toBe('"↓ mindre"');
    expect(await panel.getByRole('list').getByRole('listitem').count()).toBe(4);
    expect(await seriousViolations(page)).toEqual([]);

    // Escape ends it, gives the canvas back and focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => opener.evaluate((b) => b === document.activeElement)).toBe(true);
    await expect.poll(() => badgeOf(page, NAV)).not.toContain('mindre');
    await page.context().close();
  });

  it('plays the reinforcing loop through, one step a second, also with reduced motion', async () => {
    const page = await h.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openLoops(page);
    const loop = page
      .getByTestId('loop-item')
      .filter({ hasText: 'Forsterkende (R)' })
      .filter({ hasText: '4 koblinger' });
    await loop.getByRole('button', { name: 'Se løkken bevege seg' }).click();
    const panel = page.getByRole('region', { name: 'Se løkken bevege seg' });
    // Nudged down, a reinforcing loop comes back down.
    await panel.getByRole('radio', { name: 'Ned (mindre)' }).check();
    await panel.getByRole('button', { name: 'Spill av' }).click();
    const progress = panel.getByTestId('signal-progress');
    await expect.poll(() => progress.textContent(), { timeout: 3000 }).toBe('Steg 1 av 4');
    await expect.poll(() => progress.textContent(), { timeout: 8000 }).toBe('Steg 4 av 4');
    const end = (await panel.getByTestId('signal-narrative').textContent())!;
    expect(end).toContain('i samme retning som det startet');
    expect(end).toContain('En forsterkende løkke');
    expect(await panel.getByTestId('signal-verdict').textContent()).toContain('Forsterkende (R)');
    expect(
      await panel.getByRole('button', { name: 'Spill av' }).getAttribute('aria-disabled'),
    ).toBe('true');
    await page.context().close();
  });

  it('spreads a signal from a selected element along every link', async () => {
    const page = await h.newPage();
    await openLoops(page);
    await elementNode(page, 'Ensomhet og lav mestring').click();
    await page
      .getByRole('button', {
        name: 'Vis hvordan et signal sprer seg fra «Ensomhet og lav mestring»',
      })
      .click();
    const panel = page.getByRole('region', {
      name: 'Et signal sprer seg fra «Ensomhet og lav mestring»',
    });
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Neste steg' }).click();
    await expect
      .poll(() => panel.getByTestId('signal-narrative').textContent())
      .toBe('Steg 1: Mer «Ensomhet og lav mestring» gir mer «Høyt skolefravær» (+).');
    await panel.getByRole('button', { name: 'Neste steg' }).focus();
    await page.keyboard.press('End');
    const narrative = panel.getByTestId('signal-narrative');
    await expect.poll(() => narrative.textContent()).toContain('i samme retning som det startet');
    // Beyond the loop: the losperson is reached (one step after «Utenfor») and moves up.
    await expect.poll(() => badgeOf(page, LOS)).toBe('"↑ mer"');
    expect(await seriousViolations(page, '[data-testid="signal-panel"]')).toEqual([]);
    await panel.getByRole('button', { name: 'Avslutt illustrasjonen' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
