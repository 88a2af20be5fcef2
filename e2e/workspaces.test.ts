/**
 * The workspace page: a new map starts from the chosen template; deleting asks first
 * (dismissing the confirmation keeps the map, accepting it deletes the map, and the list and
 * status line say so).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

it('makes a new map from the iceberg template, with its four levels as fields', async () => {
  const page = await h.newPage();
  await page.goto(`${h.server.url}/`);
  await page.getByRole('link', { name: 'Partnerskap for radikal innovasjon (eksempel)' }).click();
  const templates = page.getByRole('group', { name: 'Mal' });
  // The gigamap is the default, as every map was before templates.
  expect(await templates.getByRole('radio', { name: 'Gigakart med livslinje' }).isChecked()).toBe(
    true,
  );
  await templates.getByRole('radio', { name: 'Isfjellmodellen' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('Tittel på kartet').fill('Isfjellet i Nordby');
  await page.getByRole('button', { name: 'Opprett kart' }).click();
  await page.getByRole('link', { name: 'Isfjellet i Nordby' }).click();
  // A new map has no elements yet: its fields are what the canvas shows.
  for (const level of ['Hendelser – det vi ser', 'Mønstre og trender', 'Mentale modeller'])
    await page.locator('.map-canvas').getByText(level, { exact: true }).first().waitFor();
});

it('deletes a map only after the person confirms', async () => {
  const page = await h.newPage();
  await page.goto(`${h.server.url}/`);
  await page.getByRole('link', { name: 'Partnerskap for radikal innovasjon (eksempel)' }).click();
  await page.getByLabel('Tittel på kartet').fill('Kart som skal bort');
  await page.getByRole('button', { name: 'Opprett kart' }).click();
  const mapLink = page.getByRole('link', { name: 'Kart som skal bort' });
  await mapLink.waitFor();
  const deleteButton = page.getByRole('button', { name: 'Slett «Kart som skal bort»' });

  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await deleteButton.click();
  await page.waitForTimeout(300);
  expect(questions).toEqual(['Slette kartet «Kart som skal bort»?']);
  expect(await mapLink.count()).toBe(1);

  page.once('dialog', (dialog) => void dialog.accept());
  await deleteButton.click();
  await mapLink.waitFor({ state: 'detached' });
  await page.getByText('«Kart som skal bort» er slettet.').waitFor();
  const { workspaces } = (await (await h.api('/api/workspaces')).json()) as {
    workspaces: { id: string; name: string }[];
  };
  const demo = workspaces.find((w) => w.name.startsWith('Partnerskap'))!;
  const { maps } = (await (await h.api(`/api/workspaces/${demo.id}/maps`)).json()) as {
    maps: { title: string }[];
  };
  expect(maps.map((m) => m.title)).not.toContain('Kart som skal bort');
});

it('answers a malformed address with the not-found page, not a blank app', async () => {
  const page = await h.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${h.server.url}/`);
  const demo = page.getByRole('link', { name: 'Partnerskap for radikal innovasjon (eksempel)' });
  await demo.waitFor();
  // Reached inside the app (history navigation, as Back does) ...
  await page.evaluate(() => {
    history.pushState(null, '', '/maps/%zz');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.getByRole('heading', { level: 1, name: 'Fant ikke siden' }).waitFor();
  await page.getByRole('link', { name: 'Til forsiden' }).click();
  await demo.waitFor();
  // ... and opened directly, as a mistyped or truncated link is.
  await page.goto(`${h.server.url}/maps/%zz`);
  await page.getByRole('heading', { level: 1, name: 'Fant ikke siden' }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});
