/**
 * The analysis panel's output as a facilitator reads it on the demo map: the colouring
 * legend counts "1 element" in the singular, the MICMAC chart's labels neither overlap nor
 * leave the chart, and "Vis i kartet" on a loop brings the whole loop into view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDemoMap, seriousViolations, startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function openDock(page: Page) {
  await page.locator('.analysis-dock__toggle').click();
  await page.getByTestId('loop-status').waitFor();
}

async function openTab(page: Page, name: string) {
  await page
    .getByRole('complementary', { name: 'Løkker, analyse og utveksling' })
    .getByRole('tab', { name })
    .click();
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The screen boxes of the chart, its sector names and its point labels. */
async function chartBoxes(page: Page) {
  return page.getByTestId('micmac-chart').evaluate((svg) => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return {
      svg: rect(svg),
      sectors: [...svg.querySelectorAll('.micmac__quadrant-labels text')].map(rect),
      labels: [...svg.querySelectorAll('.micmac__label')].map((e) => ({
        text: e.textContent ?? '',
        ...rect(e),
      })),
    };
  });
}

/** Overlap of two boxes beyond half a pixel of anti-aliasing. */
function overlap(a: Rect, b: Rect): boolean {
  const slack = 0.5;
  return (
    a.left < b.right - slack &&
    b.left < a.right - slack &&
    a.top < b.bottom - slack &&
    b.top < a.bottom - slack
  );
}

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.left >= outer.left - 0.5 &&
    inner.top >= outer.top - 0.5 &&
    inner.right <= outer.right + 0.5 &&
    inner.bottom <= outer.bottom + 0.5
  );
}

async function expectReadableChart(page: Page, elements: number) {
  const { svg, sectors, labels } = await chartBoxes(page);
  expect(labels).toHaveLength(elements);
  expect(sectors).toHaveLength(4);
  for (const box of [...sectors, ...labels])
    expect(inside(box, svg), JSON.stringify(box)).toBe(true);
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1))
      expect(overlap(a, b), `«${a.text}» overlaps «${b.text}»`).toBe(false);
    for (const s of sectors) expect(overlap(a, s), `«${a.text}» covers a sector name`).toBe(false);
  }
}

/** React Flow's viewport transform. */
async function viewport(page: Page) {
  return page.locator('.react-flow__viewport').evaluate((e) => {
    const m = new DOMMatrixReadOnly(getComputedStyle(e).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

describe('analysis output', () => {
  it('counts one element in the singular in the colouring legend', async () => {
    const page = await h.newPage();
    await openDemoMap(page, h.server.url);
    await openDock(page);
    await openTab(page, 'Analyse');
    const colourBy = page.getByRole('combobox', { name: 'Farge og størrelse i kartet etter' });
    const entries: string[] = [];
    for (const [value, title] of [
      ['inDegree', 'Inn'],
      ['outDegree', 'Ut'],
      ['betweenness', 'Mellomhet'],
      ['closeness', 'Nærhet'],
      ['pagerank', 'PageRank'],
      ['loopCount', 'Løkker'],
    ] as const) {
      await colourBy.selectOption(value);
      const legend = page.getByRole('figure', { name: `Tegnforklaring: ${title}` });
      await legend.waitFor();
      entries.push(...(await legend.getByRole('listitem').allTextContents()));
    }
    expect(entries.length).toBeGreaterThan(0);
    for (const text of entries) expect(text).toMatch(/: (1 element|([02-9]|\d\d+) elementer)$/);
    // The demo map has a bin with a single element, so the singular is really shown.
    expect(entries.some((text) => text.endsWith(': 1 element'))).toBe(true);
    // Closeness says which definition it is.
    await page.getByText(/^Nærhet \(harmonisk\)/).waitFor();
    await page.context().close();
  });

  it('labels every MICMAC point without overlaps, inside the chart', async () => {
    const page = await h.newPage();
    await openDemoMap(page, h.server.url);
    await openDock(page);
    await openTab(page, 'Analyse');
    await page.getByTestId('micmac-chart').waitFor();
    const elements = await page.locator('.react-flow__node').count();
    await expectReadableChart(page, elements);
    await page.getByRole('button', { name: 'Direkte', exact: true }).click();
    await expectReadableChart(page, elements);
    expect(await seriousViolations(page, '[data-testid="micmac-chart"]')).toEqual([]);
    await page.context().close();
  });

  it('zooms to a loop shown in the map', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 720 } });
    await openDemoMap(page, h.server.url);
    await openDock(page);
    await page.getByTestId('loop-status').getByText('Fant 3 løkker').waitFor();
    const before = await viewport(page);
    const loop = page.getByTestId('loop-item').filter({ hasText: '4 koblinger' }).first();
    const labels = (await loop.locator('.loop-item__path').textContent())!.split(' → ');
    await loop.getByRole('button', { name: 'Vis i kartet' }).click();
    await expect
      .poll(async () => Math.abs((await viewport(page)).zoom - before.zoom), { timeout: 3000 })
      .toBeGreaterThan(0.05);
    // Wait for the animation to settle before measuring.
    let last = await viewport(page);
    await expect
      .poll(async () => {
        const now = await viewport(page);
        const still = now.x === last.x && now.y === last.y && now.zoom === last.zoom;
        last = now;
        return still;
      })
      .toBe(true);
    const pane = (await page.locator('.react-flow').boundingBox())!;
    for (const label of new Set(labels)) {
      const box = (await page
        .locator('.react-flow__node')
        .filter({ hasText: label })
        .boundingBox())!;
      expect(box.x, label).toBeGreaterThanOrEqual(pane.x - 0.5);
      expect(box.y, label).toBeGreaterThanOrEqual(pane.y - 0.5);
      expect(box.x + box.width, label).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
      expect(box.y + box.height, label).toBeLessThanOrEqual(pane.y + pane.height + 0.5);
    }
    expect(last.zoom).toBeLessThanOrEqual(1.2 + 1e-9);
    await page.context().close();
  });
});
