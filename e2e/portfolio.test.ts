/**
 * Journeys through the process pages (issue 6) in Chromium against a real server: keep a loop
 * in the map, make an innovation area from it, make a project that addresses it, and watch
 * the process home and the coverage matrix change in a second browser; dot voting by two
 * participants; keyboard operation; axe on every process page in bokmål, nynorsk and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  openDemoMap,
  startHarness,
  tabUntil,
  type Harness,
  seriousViolations,
  eventually,
} from './harness.ts';

let h: Harness;
let workspaceId = '';
const LOOP_NAME = 'Losen som gjør seg selv overflødig';
const AREA = 'Los gjennom overgangene';
const PROJECT = 'Losprosjektet';

beforeAll(async () => {
  h = await startHarness();
  const response = await h.api('/api/workspaces');
  workspaceId = ((await response.json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
});
afterAll(async () => {
  await h?.close();
});

const processUrl = (section = '') =>
  `${h.server.url}/workspaces/${workspaceId}/process${section ? `/${section}` : ''}`;

/** Text of an element found by test id, or '' when it is not shown. */
async function textOf(page: Page, testId: string): Promise<string> {
  const el = page.getByTestId(testId);
  return (await el.count()) > 0 ? ((await el.first().textContent()) ?? '') : '';
}

describe('from challenges to portfolio', () => {
  it('a kept loop becomes an innovation area and a project; the other browser sees home and coverage change', async () => {
    const kari = await h.newPage({ name: 'Kari' });
    const ola = await h.newPage({ name: 'Ola' });
    await openDemoMap(kari, h.server.url);
    await ola.goto(processUrl());
    await ola.getByRole('heading', { level: 1, name: /^Prosessen i / }).waitFor();
    // The demo's kept loop is addressed already: no loop gap.
    expect(await textOf(ola, 'gap-loops')).toBe('');

    // Keep a loop through the map's loop panel (the dock starts closed on narrow screens).
    const dock = kari.locator('.analysis-dock__toggle');
    if ((await dock.getAttribute('aria-expanded')) === 'false') await dock.click();
    await kari
      .locator('.react-flow__node')
      .filter({ hasText: 'Fast losperson for den unge' })
      .click();
    const loop = kari
      .getByRole('region', { name: /^Løkker gjennom «Fast losperson for den unge»/ })
      .getByTestId('loop-item')
      .first();
    await loop.getByRole('button', { name: 'Behold løkken' }).click();
    const dialog = kari.getByRole('dialog', { name: 'Behold løkken' });
    await dialog.getByRole('textbox', { name: 'Navn på løkken' }).fill(LOOP_NAME);
    await dialog.getByRole('button', { name: 'Behold', exact: true }).click();

    // Ola's process home: a loop no innovation area addresses.
    await eventually(() => textOf(ola, 'gap-loops')).toContain(LOOP_NAME);

    // Kari makes an innovation area from the kept loop.
    await kari.goto(processUrl('innovation'));
    await kari.getByRole('heading', { level: 1, name: 'Innovasjonsområder' }).waitFor();
    await kari
      .getByRole('group', { name: 'Loops' })
      .getByRole('checkbox', { name: LOOP_NAME })
      .check();
    await kari.getByRole('textbox', { name: 'Tittel' }).fill(AREA);
    await kari.getByRole('button', { name: 'Opprett innovasjonsområde' }).click();
    await kari.getByRole('heading', { level: 2, name: AREA }).waitFor();

    // Ola: the loop gap is gone, the new area has no project yet.
    await eventually(() => textOf(ola, 'gap-loops')).toBe('');
    await eventually(() => textOf(ola, 'gap-areas')).toContain(AREA);

    // Ola watches the coverage matrix while Kari makes a project that addresses the area.
    await ola
      .getByRole('navigation', { name: 'Prosessen' })
      .getByRole('link', { name: 'Portefølje' })
      .click();
    const areaRow = ola
      .getByTestId('coverage-row')
      .filter({ hasText: `Innovasjonsområde: ${AREA}` });
    const loopRow = ola.getByTestId('coverage-row').filter({ hasText: `Loop: ${LOOP_NAME}` });
    await eventually(() => areaRow.textContent()).toContain('(ingen prosjekter)');
    expect(await loopRow.textContent()).toContain('(ingen prosjekter)');
    expect(await ola.getByTestId('uncovered-summary').textContent()).toContain(AREA);

    await kari.goto(processUrl('portfolio'));
    const form = kari
      .locator('form')
      .filter({ has: kari.getByRole('button', { name: 'Opprett prosjekt' }) });
    await form.getByRole('textbox', { name: 'Navn på prosjektet' }).fill(PROJECT);
    await form
      .getByRole('combobox', { name: 'Portefølje' })
      .selectOption({ label: 'Ungt utenforskap' });
    await form.getByRole('checkbox', { name: AREA }).check();
    await form.getByRole('button', { name: 'Opprett prosjekt' }).click();

    await eventually(() => areaRow.textContent()).not.toContain('(ingen prosjekter)');
    expect(await loopRow.textContent()).not.toContain('(ingen prosjekter)');
    expect(await ola.getByRole('columnheader', { name: PROJECT }).count()).toBe(1);
    expect(await ola.getByTestId('uncovered-summary').textContent()).toBe(
      'Alle innovasjonsområder og loops har minst ett prosjekt.',
    );

    // And the process home: no innovation area without a project.
    await ola
      .getByRole('navigation', { name: 'Prosessen' })
      .getByRole('link', { name: 'Oversikt' })
      .click();
    await ola.getByTestId('step-change').waitFor();
    expect(await textOf(ola, 'gap-areas')).toBe('');
    expect(await ola.getByTestId('step-change').textContent()).toContain('5 prosjekter');
    await kari.context().close();
    await ola.context().close();
  });

  it('sums the dots of two participants live', async () => {
    const kari = await h.newPage({ name: 'Kari' });
    const ola = await h.newPage({ name: 'Ola' });
    await kari.goto(processUrl('challenges'));
    await ola.goto(processUrl('challenges'));
    const focus = 'Vei inn i arbeid for unge voksne';
    const add = (page: Page) => page.getByRole('button', { name: `Gi en prikk til «${focus}»` });
    const total = (page: Page) =>
      page
        .getByTestId('focus-area')
        .filter({ hasText: focus })
        .getByTestId('focus-total')
        .textContent();
    for (let i = 0; i < 3; i++) {
      await add(kari).click();
      await eventually(() => kari.getByTestId('dots-left').textContent()).toContain(
        `${4 - i} av 5`,
      );
    }
    for (let i = 0; i < 2; i++) {
      await add(ola).click();
      await eventually(() => ola.getByTestId('dots-left').textContent()).toContain(`${4 - i} av 5`);
    }
    await eventually(() => total(kari)).toBe('5 prikker totalt');
    await eventually(() => total(ola)).toBe('5 prikker totalt');
    // Taking one back shows at once in the other browser.
    await kari.getByRole('button', { name: `Ta tilbake en prikk fra «${focus}»` }).click();
    await eventually(() => total(ola)).toBe('4 prikker totalt');
    const results = await (await h.api(`/api/workspaces/${workspaceId}/process/votes`)).json();
    expect(results.tallies[0]).toEqual({ targetId: 'fa-arbeid', dots: 4, voters: 2 });
    await kari.context().close();
    await ola.context().close();
  });

  it('works from the keyboard', async () => {
    const page = await h.newPage();
    await page.goto(processUrl());
    await page.getByTestId('step-change').waitFor();
    // Follow the process navigation with the keyboard.
    await tabUntil(page, { text: 'Utfordringer' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Samfunnsutfordringer' }).waitFor();
    const focus = 'Tidlig hjelp for psykisk helse';
    await tabUntil(page, { ariaLabel: `Gi en prikk til «${focus}»` });
    await page.keyboard.press('Enter');
    await eventually(() =>
      page
        .getByTestId('focus-area')
        .filter({ hasText: focus })
        .getByTestId('focus-total')
        .textContent(),
    ).toBe('1 prikk totalt');
    // Filter the insight library from the keyboard.
    await page.goto(processUrl('insight'));
    await page.getByRole('searchbox', { name: 'Søk i innsikt' }).focus();
    await page.keyboard.type('blindsone');
    await eventually(() => page.getByTestId('insight-count').textContent()).toContain('Viser 0 av');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('frafall');
    await eventually(() => page.getByTestId('insight-count').textContent()).toContain('Viser 1 av');
    await page.context().close();
  });
});

describe('the process in the map editor', () => {
  it('shows evidence and the projects addressing an element, and warns when a referenced element is deleted', async () => {
    const kari = await h.newPage({ name: 'Kari' });
    const ola = await h.newPage({ name: 'Ola' });
    const mapUrl = await openDemoMap(kari, h.server.url);
    const node = (label: string) => kari.locator('.react-flow__node').filter({ hasText: label });
    await node('Silo-organisering og budsjetter').click();
    const panel = kari.getByTestId('process-in-map');
    await eventually(() => panel.getByTestId('element-projects').textContent()).toBe(
      'Prosjekter som tar tak i dette: En offentlig sektor for vår tid',
    );
    expect(await panel.getByTestId('element-evidence').textContent()).toMatch(
      /^Belegg \(2 innsikter\)/,
    );
    // Close up, the card itself says how many insights are evidence for it, in words.
    await kari.locator('.map-zoom button[aria-label="Zoom til det som er valgt"]').click();
    await eventually(() =>
      node('Silo-organisering og budsjetter').locator('.element-node__evidence').textContent(),
    ).toBe('2 innsikter');
    // Back to the whole map (the view is remembered when the map is opened again below).
    await kari.locator('.map-zoom button[aria-label="Vis hele kartet"]').click();

    // "Make an innovation area from the selection" opens the form with the element chosen.
    await panel
      .getByRole('link', { name: 'Lag et innovasjonsområde fra det valgte elementet' })
      .click();
    await kari.getByRole('heading', { level: 1, name: 'Innovasjonsområder' }).waitFor();
    expect(
      await kari
        .getByRole('group', { name: 'Elementer' })
        .getByRole('checkbox', { name: 'Silo-organisering og budsjetter' })
        .isChecked(),
    ).toBe(true);

    // Ola watches the innovation areas while Kari deletes an element one of them refers to.
    await ola.goto(processUrl('innovation'));
    const area = ola
      .getByTestId('innovation-area')
      .filter({ hasText: 'Helhetlige insentiver rundt barn og unge' });
    await area.waitFor();
    expect(await area.getByTestId('broken-warning').count()).toBe(0);
    await kari.goto(mapUrl);
    await node('Lite samordnet oppfølging fra NAV').click();
    await kari.locator('.side-panel').getByRole('button', { name: 'Slett', exact: true }).click();
    // The element is part of the area, so the map asks first (the delete warning).
    await kari
      .locator('.delete-warning')
      .getByRole('button', { name: 'Slett', exact: true })
      .click();
    await area.getByTestId('broken-warning').waitFor({ timeout: 10_000 });
    expect(await area.getByTestId('broken-warning').textContent()).toBe(
      '1 element eller loop som dette området viser til, er slettet fra kartet.',
    );
    expect(await area.textContent()).toContain('(slettet element)');
    await kari.context().close();
    await ola.context().close();
  });
});

describe('whole-workspace export and import', () => {
  it('exports a workspace from the process home and imports it as a new one from the start page', async () => {
    const page = await h.newPage();
    await page.goto(processUrl());
    const summary = page.getByTestId('step-change');
    await summary.waitFor();
    const before = await summary.locator('ul').first().textContent();
    const downloading = page.waitForEvent('download');
    await page
      .getByRole('button', { name: 'Eksporter hele arbeidsrommet (kart og prosess)' })
      .click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(
      'partnerskap-for-radikal-innovasjon-eksempel.helhet-workspace.json',
    );
    const file = await download.path();

    await page.goto(h.server.url);
    await page.getByLabel('Velg en arbeidsromsfil (.helhet-workspace.json)').setInputFiles(file);
    await page
      .getByText('Arbeidsrommet «Partnerskap for radikal innovasjon (eksempel)» er importert.')
      .waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('link', { name: 'Partnerskap for radikal innovasjon (eksempel)', exact: true })
          .count(),
      )
      .toBe(2);
    await page
      .getByRole('link', {
        name: 'Åpne prosessen i «Partnerskap for radikal innovasjon (eksempel)»',
      })
      .click();
    await summary.waitFor();
    expect(page.url()).not.toBe(processUrl());
    expect(await summary.locator('ul').first().textContent()).toBe(before);
    await page.context().close();
  });
});

describe.each(['nb', 'nn', 'en'] as const)('process pages in %s', (language) => {
  // One test per page: axe on a long page takes seconds on a busy machine.
  it.each(['', 'challenges', 'insight', 'innovation', 'portfolio'])(
    'page "%s" has no serious or critical axe violations',
    async (section) => {
      const page = await h.newPage({ language });
      await page.goto(processUrl(section));
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    },
  );
});
