/**
 * Printing the map, in Chromium against a real server: the toolbar's "Plakat og bilde" dialog
 * offers the sheet and downloads "Plakat (PDF)" — a one-page A4 landscape PDF whose text holds
 * the map's title and element labels — and "Bilde (PNG)" at the chosen width; axe is clean on
 * the dialog.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createDemoMap, paperPoints } from '@helhet/model';
import {
  demoMapIds,
  seriousViolations,
  startHarness,
  waitForCanvas,
  type Harness,
} from './harness.ts';

let h: Harness;
let mapId = '';

beforeAll(async () => {
  h = await startHarness();
  ({ mapId } = await demoMapIds(h));
});
afterAll(async () => {
  await h?.close();
});

async function openDialog(page: Page) {
  await page.goto(`${h.server.url}/maps/${mapId}`);
  await waitForCanvas(page);
  await page.getByRole('toolbar').getByRole('button', { name: 'Plakat og bilde' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plakat og bilde av kartet' });
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

async function download(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

describe('poster and picture', () => {
  it('downloads an A4 PDF poster with the labels as text, and a PNG', async () => {
    const page = await h.newPage();
    const dialog = await openDialog(page);
    expect(await seriousViolations(page, '[data-testid="poster-dialog"]')).toEqual([]);
    await dialog.getByLabel('Papirstørrelse').selectOption('A4');

    const pdf = await download(page, 'Plakat (PDF)');
    expect(pdf.name).toBe('Ungt utenforskap.pdf');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = pdfjs.getDocument({ data: new Uint8Array(pdf.bytes) });
    const doc = await task.promise;
    expect(doc.numPages).toBe(1);
    const first = await doc.getPage(1);
    const [, , width, height] = first.view as number[];
    expect(Math.abs(width! - paperPoints('A4').width)).toBeLessThan(1);
    expect(Math.abs(height! - paperPoints('A4').height)).toBeLessThan(1);
    const text = (await first.getTextContent()).items
      .map((item) => ('str' in item ? item.str : ''))
      .join(' ')
      .replace(/\s+/g, ' ');
    await task.destroy();
    expect(text).toContain('Ungt utenforskap');
    for (const e of createDemoMap().elements) expect(text).toContain(e.label);

    await dialog.getByLabel('Bildebredde').selectOption('2048');
    const png = await download(page, 'Bilde (PNG)');
    expect(png.name).toBe('Ungt utenforskap.png');
    expect(png.bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.bytes.readUInt32BE(16)).toBe(2048);
    await page.context().close();
  }, 90_000);
});
