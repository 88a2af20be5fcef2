/**
 * A map that holds records it cannot show says so on its page, in the person's language, and
 * keeps them: a native file with an `invalid` section (records kept as stored in the map it
 * came from) imports with them, the map page names how many there are, and the map's export
 * still carries them. axe checks the notice.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { startHarness, waitForCanvas, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

it('names the records a map keeps but cannot show, and keeps them in its export', async () => {
  const base = h.server.url;
  const { workspaces } = (await (await h.api('/api/workspaces')).json()) as {
    workspaces: { id: string; name: string }[];
  };
  const demo = workspaces.find((w) => w.name.startsWith('Partnerskap'))!;
  const { maps } = (await (await h.api(`/api/workspaces/${demo.id}/maps`)).json()) as {
    maps: { id: string }[];
  };
  const file = (await (await h.api(`/api/maps/${maps[0]!.id}/export`)).json()) as Record<
    string,
    unknown
  > & { meta: { title: string } };
  file.meta.title = 'Kart med poster som ikke kan vises';
  file.invalid = [
    {
      collection: 'elements',
      id: 'e-ugyldig',
      raw: { label: 42, x: 'feil' },
      problems: [{ path: 'elements.e-ugyldig.label', message: 'must be a string' }],
    },
  ];
  const imported = await h.api(`/api/workspaces/${demo.id}/maps/import`, {
    method: 'POST',
    body: JSON.stringify(file),
  });
  expect(imported.status).toBe(201);
  const { id } = (await imported.json()) as { id: string };

  for (const [language, text] of [
    ['nb', 'Én post i kartet er ikke gyldig'],
    ['en', 'One record of the map is not valid'],
  ] as const) {
    const page = await h.newPage({ language });
    await page.goto(`${base}/maps/${id}`);
    await waitForCanvas(page);
    await expect.poll(() => page.locator('.map-health', { hasText: text }).count()).toBe(1);
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .include('.map-health')
      .analyze();
    expect(
      results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    ).toEqual([]);
    await page.close();
  }

  const exported = (await (await h.api(`/api/maps/${id}/export`)).json()) as {
    invalid: { id: string }[];
  };
  expect(exported.invalid.map((r) => r.id)).toEqual(['e-ugyldig']);
});
