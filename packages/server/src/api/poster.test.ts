/**
 * The poster routes over HTTP: the PDF opened with a real PDF reader (pdf.js) for its page size
 * and its text, the PNG's dimensions read from its header, and who may print.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoMap, paperPoints, toMapFile, type MapSnapshot } from '@helhet/model';
import { createApiToken } from '../auth/api-tokens.ts';
import { createUser } from '../auth/users.ts';
import { setMembership } from '../membership/memberships.ts';
import { firstWorkspaceId, useTestServer } from '../test/harness.ts';

const t = useTestServer();

/** The demo map with Norwegian and Sámi letters in its labels. */
function printedMap(): MapSnapshot {
  const map = createDemoMap();
  map.meta = { ...map.meta, title: 'Plakat for Øståsen' };
  map.elements[0] = { ...map.elements[0]!, label: 'Blåbærsyltetøy på skolekjøkkenet' };
  map.elements[1] = { ...map.elements[1]!, label: 'Ærlige samtaler med ungdom' };
  map.elements[2] = { ...map.elements[2]!, label: 'Sámi giella: čđŋšŧž' };
  return map;
}

let mapId = '';
let workspaceName = '';
let viewer = '';
let outsider = '';
const map = printedMap();

beforeAll(async () => {
  const workspaceId = await firstWorkspaceId(t.server);
  const imported = await t.api(`/api/workspaces/${workspaceId}/maps/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(toMapFile(map)),
  });
  expect(imported.status).toBe(201);
  mapId = ((await imported.json()) as { id: string }).id;
  workspaceName = (
    (await (await t.api(`/api/workspaces/${workspaceId}`)).json()) as {
      name: string;
    }
  ).name;
  const db = t.server.database.db;
  const token = async (email: string) => {
    const user = await createUser(db, { email, name: email, passwordHash: null });
    return { id: user.id, token: (await createApiToken(db, user.id, 'poster', 1)).token };
  };
  const v = await token('viewer@plakat.test');
  await setMembership(db, workspaceId, v.id, 'viewer');
  viewer = v.token;
  outsider = (await token('outsider@plakat.test')).token;
});

const get = (path: string, bearer: string | null) =>
  fetch(`${t.server.url}${path}`, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});

/** Page sizes and text of a PDF, read with pdf.js. */
async function readPdf(bytes: Uint8Array) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes, useSystemFonts: false });
  const doc = await task.promise;
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str : ''))
      .join(' ')
      .replace(/\s+/g, ' ');
    pages.push({ width, height, text });
  }
  await task.destroy();
  return pages;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  expect(Buffer.from(bytes.subarray(12, 16)).toString('ascii')).toBe('IHDR');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('GET /api/maps/:id/poster.pdf', () => {
  for (const paper of ['A0', 'A4'] as const)
    it(`prints ${paper} landscape with every label, the title, legend, date and source as text`, async () => {
      const response = await get(`/api/maps/${mapId}/poster.pdf?paper=${paper}`, viewer);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain('attachment');
      const pages = await readPdf(new Uint8Array(await response.arrayBuffer()));
      expect(pages).toHaveLength(1);
      const [page] = pages;
      const size = paperPoints(paper);
      // A0 is 2384 × 3370 pt portrait; the poster is landscape.
      expect(Math.abs(page!.width - size.width)).toBeLessThan(1);
      expect(Math.abs(page!.height - size.height)).toBeLessThan(1);
      expect(size.width).toBeGreaterThan(size.height);
      const text = page!.text;
      for (const e of map.elements) expect(text).toContain(e.label);
      expect(text).toContain('Plakat for Øståsen');
      for (const f of map.fields) expect(text).toContain(f.name);
      expect(text).toContain('Samme retning (+)');
      expect(text).toContain('Motsatt retning (−)');
      const today = new Intl.DateTimeFormat('nb', { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(),
      );
      expect(text).toContain(`Helhet · ${workspaceName} · eksportert ${today}`);
      expect(text).not.toContain('Kartverket');
    });

  it('prints the legend and date in the asked language and only the asked fields', async () => {
    const field = map.fields[0]!;
    const response = await get(
      `/api/maps/${mapId}/poster.pdf?paper=A3&lang=en&fields=${field.id}`,
      viewer,
    );
    expect(response.status).toBe(200);
    const [page] = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(page!.text).toContain('Same direction (+)');
    expect(page!.text).toContain('Helhet · ');
    expect(page!.text).toContain(' · exported ');
    for (const e of map.elements)
      if (e.fieldId === field.id) expect(page!.text).toContain(e.label);
      else expect(page!.text).not.toContain(e.label);
  });

  it('refuses an unknown sheet naming the parameter', async () => {
    const response = await get(`/api/maps/${mapId}/poster.pdf?paper=A2`, viewer);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { problems: { path: string }[] } };
    expect(body.error.problems.map((p) => p.path)).toContain('paper');
  });

  it('is refused to someone signed out (401) and to someone outside the workspace (404)', async () => {
    expect((await get(`/api/maps/${mapId}/poster.pdf`, null)).status).toBe(401);
    const hidden = await get(`/api/maps/${mapId}/poster.pdf`, outsider);
    expect(hidden.status).toBe(404);
    expect(((await hidden.json()) as { error: { message: string } }).error.message).toMatch(
      /not found/,
    );
    expect((await get(`/api/maps/${mapId}/poster.png`, null)).status).toBe(401);
    expect((await get(`/api/maps/${mapId}/poster.png`, outsider)).status).toBe(404);
  });
});

describe('GET /api/maps/:id/poster.png', () => {
  it('renders 8192 pixels wide, in the sheet proportions', async () => {
    const response = await get(`/api/maps/${mapId}/poster.png?paper=A3&width=8192`, viewer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const size = pngSize(new Uint8Array(await response.arrayBuffer()));
    const sheet = paperPoints('A3');
    expect(size.width).toBe(8192);
    expect(Math.abs(size.height - (8192 * sheet.height) / sheet.width)).toBeLessThanOrEqual(1);
  }, 60_000);

  it('refuses 8193 pixels with a message saying the limit', async () => {
    const response = await get(`/api/maps/${mapId}/poster.png?width=8193`, viewer);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { problems: { path: string; message: string }[] };
    };
    expect(body.error.problems).toEqual([
      { path: 'width', message: 'must be at most 8192 pixels' },
    ]);
  });
});
