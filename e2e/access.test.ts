/**
 * Working together with accounts and roles: the owner invites a colleague by link, the
 * colleague signs up and edits the map, the owner sees it live; a viewer sees live edits and
 * can change nothing (no editing controls, and the server refuses the viewer's updates); a
 * workshop guest joins by share link with a name and edits, and when the link is revoked the
 * guest is disconnected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import NodeWebSocket from 'ws';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { addElement } from '@helhet/model';
import type { Page } from 'playwright-core';
import {
  signUpByInvitation,
  startHarness,
  waitForCanvas,
  type Harness,
  seriousViolations,
  demoMapIds,
  eventually,
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

/** Creates an element through the map page's toolbar and dialog. */
async function createElement(page: Page, label: string) {
  await page.getByRole('button', { name: 'Nytt element' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nytt element' });
  await dialog.getByRole('textbox', { name: 'Navn' }).fill(label);
  await dialog.getByRole('button', { name: 'Opprett element' }).click();
  await elementNode(page, label).waitFor();
}

/** The labels of the map's elements as the server keeps them. */
async function storedLabels(): Promise<string[]> {
  const file = (await (await h.api(`/api/maps/${mapId}/export`)).json()) as {
    elements: { label: string }[];
  };
  return file.elements.map((e) => e.label);
}

/** An invitation link made through the API by the administrator. */
async function invitationUrl(role: string): Promise<string> {
  const response = await h.api(`/api/workspaces/${workspaceId}/invitations`, {
    method: 'POST',
    body: JSON.stringify({ role }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { url: string }).url;
}

describe('access in the browser', () => {
  it('the owner invites a colleague by link; the colleague signs up, edits, and the owner sees it live', async () => {
    const owner = await h.newPage();
    await owner.goto(`${h.server.url}/workspaces/${workspaceId}/members`);
    await owner.getByRole('heading', { level: 1, name: /^Medlemmer i «Partnerskap/ }).waitFor();
    await owner.getByLabel('Rolle', { exact: true }).selectOption('editor');
    await owner.getByRole('button', { name: 'Inviter' }).click();
    const link = await owner.getByLabel('Invitasjonslenke').inputValue();
    expect(await seriousViolations(owner)).toEqual([]);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitation#token=/);

    const colleague = await h.newPage({ signedIn: false });
    await colleague.goto(link);
    await colleague.getByText('Du er invitert som redigerer.').waitFor();
    expect(await seriousViolations(colleague)).toEqual([]);
    await colleague.getByRole('textbox', { name: 'Navn' }).fill('Kollega Kari');
    await colleague
      .getByRole('textbox', { name: 'E-postadresse' })
      .fill('kari.kollega@helhet.test');
    await colleague.getByLabel('Passord').fill('kollegaens-passord');
    await colleague.getByRole('button', { name: 'Opprett konto og bli med' }).click();
    await colleague.getByRole('link', { name: 'Ungt utenforskap' }).click();
    await waitForCanvas(colleague);

    await owner.goto(mapUrl());
    await waitForCanvas(owner);
    await owner.getByTestId('peer').filter({ hasText: 'Kollega Kari' }).waitFor();
    await createElement(colleague, 'Kollegaens element');
    await elementNode(owner, 'Kollegaens element').waitFor();
    // The owner's members page lists the colleague with the invited role.
    await owner.goto(`${h.server.url}/workspaces/${workspaceId}/members`);
    await eventually(() => owner.getByLabel('Rolle for Kollega Kari').inputValue()).toBe('editor');
    await owner.context().close();
    await colleague.context().close();
  });

  it('a viewer sees live edits and can change nothing, in the page or past it', async () => {
    const viewerSession = await signUpByInvitation(h.server.url, await invitationUrl('viewer'), {
      name: 'Leser Lars',
      email: 'lars.leser@helhet.test',
      password: 'leserens-passord',
    });
    const viewer = await h.newPage({ signedIn: viewerSession });
    const owner = await h.newPage();
    await viewer.goto(mapUrl());
    await owner.goto(mapUrl());
    await waitForCanvas(viewer);
    await waitForCanvas(owner);

    // The page: read-only, with no editing controls and nothing to drag.
    await viewer.getByTestId('read-only').waitFor();
    expect(await viewer.getByTestId('read-only').textContent()).toContain('men ikke endre det');
    expect(await viewer.getByRole('button', { name: 'Nytt element' }).count()).toBe(0);
    expect(await viewer.locator('.react-flow__node.draggable').count()).toBe(0);
    await elementNode(viewer, 'Fast losperson for den unge').click();
    expect(await viewer.locator('.side-panel fieldset[disabled]').count()).toBe(1);

    // Live: what the owner adds appears for the viewer.
    await createElement(owner, 'Eierens nye element');
    await elementNode(viewer, 'Eierens nye element').waitFor();

    // Past the page: the viewer's own live connection is read-only, and an update sent over
    // it is neither stored nor relayed.
    const cookie = `${viewerSession.cookie.name}=${viewerSession.cookie.value}`;
    const origin = h.server.url;
    class ViewerSocket extends NodeWebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie, origin } });
      }
    }
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({
      url: `${h.server.url.replace(/^http/, 'ws')}/collab`,
      name: mapId,
      document: doc,
      WebSocketPolyfill: ViewerSocket,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    try {
      await eventually(() => provider.isSynced).toBe(true);
      expect(provider.authorizedScope).toBe('readonly');
      addElement(doc, { label: 'Leserens forsøk', x: 0, y: 0 });
      await viewer.waitForTimeout(1500);
      expect(await elementNode(owner, 'Leserens forsøk').count()).toBe(0);
      expect(await storedLabels()).not.toContain('Leserens forsøk');
      expect(await storedLabels()).toContain('Eierens nye element');
    } finally {
      provider.destroy();
      doc.destroy();
    }
    await viewer.context().close();
    await owner.context().close();
  });

  it('a workshop guest joins by share link, edits, and is disconnected when the link is revoked', async () => {
    const host = await h.newPage();
    await host.goto(`${h.server.url}/workspaces/${workspaceId}`);
    await host.getByRole('button', { name: 'Del' }).click();
    const dialog = host.getByRole('dialog', { name: 'Del arbeidsrommet' });
    await dialog.getByLabel('Rolle for gjestene').selectOption('editor');
    await dialog.getByRole('textbox', { name: /^Merkelapp/ }).fill('Verksted i rådhuset');
    await dialog.getByRole('button', { name: 'Lag delingslenke' }).click();
    const link = await dialog.getByLabel('Delingslenke', { exact: true }).inputValue();
    expect(link).toMatch(/\/share#token=/);
    await dialog.getByRole('img', { name: 'QR-kode for delingslenken' }).waitFor();
    expect(await seriousViolations(host, '.share-dialog')).toEqual([]);

    const watcher = await h.newPage();
    await watcher.goto(mapUrl());
    await waitForCanvas(watcher);

    const guest = await h.newPage({ signedIn: false });
    await guest.goto(link);
    await guest.getByText('Du blir med som gjest med rollen redigerer.').waitFor();
    expect(await seriousViolations(guest)).toEqual([]);
    await guest.getByRole('textbox', { name: 'Navnet ditt' }).fill('Gjest Gunn');
    await guest.getByRole('button', { name: 'Bli med' }).click();
    await guest.getByRole('link', { name: 'Ungt utenforskap' }).click();
    await waitForCanvas(guest);
    await watcher.getByTestId('peer').filter({ hasText: 'Gjest Gunn' }).waitFor();
    await createElement(guest, 'Gjestens idé');
    await elementNode(watcher, 'Gjestens idé').waitFor();
    await eventually(async () => (await storedLabels()).includes('Gjestens idé')).toBe(true);

    host.once('dialog', (question) => void question.accept());
    await dialog.getByRole('button', { name: 'Trekk tilbake «Verksted i rådhuset»' }).click();
    await dialog.getByRole('cell', { name: 'Trukket tilbake' }).waitFor();
    // Disconnected: the guest's map says it has no access any more, and its session is gone.
    await guest.getByTestId('map-refused').filter({ hasText: 'Du har ikke tilgang' }).waitFor();
    expect(await guest.locator('.react-flow__node').count()).toBe(0);
    await eventually(() =>
      watcher.getByTestId('peer').filter({ hasText: 'Gjest Gunn' }).count(),
    ).toBe(0);
    const status = await guest.evaluate(
      async (id) => (await fetch(`/api/workspaces/${id}/maps`)).status,
      workspaceId,
    );
    expect(status).toBe(401);
    await guest.context().close();
    await watcher.context().close();
    await host.context().close();
  });
});
