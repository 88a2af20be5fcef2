/**
 * A facilitator runs a workshop on the map: locks a field and then the whole map while
 * presenting (an editor sees the lock and cannot change what it binds), runs a timer for an
 * exercise that every participant sees count down, and hides the others' pointers on the
 * projector. The editor never sees the facilitator's controls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  demoMapIds,
  eventually,
  seriousViolations,
  signUpByInvitation,
  startHarness,
  waitForCanvas,
  type Harness,
  elementNode,
} from './harness.ts';

let h: Harness;
let workspaceId = '';
let mapId = '';
beforeAll(async () => {
  h = await startHarness();
  ({ workspaceId, mapId } = await demoMapIds(h));
});
afterAll(async () => {
  await h?.close();
});

const mapUrl = () => `${h.server.url}/maps/${mapId}`;

async function editorPage(): Promise<Page> {
  const response = await h.api(`/api/workspaces/${workspaceId}/invitations`, {
    method: 'POST',
    body: JSON.stringify({ role: 'editor' }),
  });
  const { url } = (await response.json()) as { url: string };
  const session = await signUpByInvitation(h.server.url, url, {
    name: 'Redaktør Rita',
    email: 'rita.redaktor@helhet.test',
    password: 'redaktorens-passord',
  });
  const page = await h.newPage({ signedIn: session });
  await page.goto(mapUrl());
  await waitForCanvas(page);
  return page;
}

describe('facilitator tools on the map', () => {
  it('locks a field and the map, runs a timer everyone sees, and hides pointers', async () => {
    const facilitator = await h.newPage({ viewport: { width: 1280, height: 720 } });
    await facilitator.goto(mapUrl());
    await waitForCanvas(facilitator);
    const editor = await editorPage();
    expect(await editor.getByTestId('facilitator-open').count()).toBe(0);

    // Lock the field "Fremmere" from the keyboard-operable dialog.
    await facilitator.getByRole('button', { name: 'Fasilitator' }).click();
    const dialog = facilitator.getByRole('dialog', { name: 'Fasilitatorverktøy' });
    await dialog.waitFor();
    expect(await seriousViolations(facilitator)).toEqual([]);
    await dialog.getByRole('checkbox', { name: 'Lås feltet «Fremmere»' }).check();
    await editor.getByTestId('field-lock-badge').waitFor();
    await elementNode(editor, 'Fast losperson for den unge').click();
    await editor.getByTestId('selection-locked').waitFor();
    expect(await editor.locator('.side-panel fieldset[disabled]').count()).toBe(1);
    expect(
      await elementNode(editor, 'Fast losperson for den unge').evaluate((n) =>
        n.classList.contains('draggable'),
      ),
    ).toBe(false);

    // Start a timer with a label; the editor sees the same countdown.
    await dialog.getByRole('textbox', { name: 'Navn på øvelsen (valgfritt)' }).fill('Idémyldring');
    await dialog.getByRole('button', { name: '5 minutter', exact: true }).click();
    const timer = editor.getByTestId('exercise-timer');
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/Idémyldring(5:00|4:5\d)/);
    await editor.getByTestId('timer-live').filter({ hasText: 'Tidtakeren går.' }).waitFor();
    await dialog.getByRole('button', { name: 'Pause' }).click();
    await timer.filter({ hasText: 'På pause' }).waitFor();

    // Lock the whole map: the editor's page turns read-only with the facilitator's name.
    await dialog.getByRole('checkbox', { name: 'Lås hele kartet' }).check();
    await editor.getByTestId('map-locked').waitFor();
    // Named by who locked it.
    expect(await editor.getByTestId('map-locked').textContent()).toMatch(
      /^Kartet er låst av .+\. Du kan se, men ikke endre det\.$/,
    );
    expect(await editor.getByRole('button', { name: 'Nytt element' }).count()).toBe(0);
    expect(await editor.locator('.react-flow__node.draggable').count()).toBe(0);
    expect(await seriousViolations(editor)).toEqual([]);

    // Stop the timer and unlock: the editor may edit again.
    await dialog.getByRole('button', { name: 'Stopp tidtakeren' }).click();
    await dialog.getByRole('checkbox', { name: 'Lås hele kartet' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Lås feltet «Fremmere»' }).uncheck();
    await editor.getByRole('button', { name: 'Nytt element' }).waitFor();
    await eventually(() => timer.count()).toBe(0);
    await facilitator.keyboard.press('Escape');

    // Hide the others' pointers; the choice survives a reload.
    const toggle = facilitator.getByTestId('hide-cursors');
    await editor.mouse.move(600, 400);
    await editor.mouse.move(640, 420);
    await facilitator.locator('.cursor').first().waitFor();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await facilitator.locator('.cursor').count()).toBe(0);
    await facilitator.reload();
    await waitForCanvas(facilitator);
    expect(await facilitator.getByTestId('hide-cursors').getAttribute('aria-pressed')).toBe('true');
    await facilitator.context().close();
    await editor.context().close();
  });
});
