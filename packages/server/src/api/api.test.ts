import { describe, expect, it } from 'vitest';
import { createDemoMap, DEMO_WORKSPACE_NAME, toMapFile } from '@helhet/model';
import { TEST_DIALECT, useTestServer } from '../test/harness.ts';

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  headers: Headers;
}

async function call(method: string, path: string, body?: unknown, raw?: string): Promise<Reply> {
  const response = await t.api(path, {
    method,
    headers: body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {},
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}

/** A map file in the order `readMap` gives (records by id), to compare with an export. */
function canonical(file: ReturnType<typeof toMapFile>) {
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    ...file,
    elements: [...file.elements].sort(byId),
    links: [...file.links].sort(byId),
    loops: [...file.loops].sort(byId),
  };
}

const t = useTestServer();

describe('health and docs', () => {
  it('reports status, version, database and the server clock', async () => {
    const before = Date.now();
    const { status, body } = await call('GET', '/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      version: expect.any(String),
      database: TEST_DIALECT,
      serverTime: expect.any(Number),
    });
    const { serverTime } = body as { serverTime: number };
    expect(serverTime).toBeGreaterThanOrEqual(before);
    expect(serverTime).toBeLessThanOrEqual(Date.now());
  });

  it('publishes an OpenAPI document listing every route', async () => {
    const { status, body } = await call('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/workspaces',
        '/api/workspaces/{id}',
        '/api/workspaces/{id}/maps',
        '/api/workspaces/{id}/maps/import',
        '/api/maps/{id}',
        '/api/maps/{id}/export',
        '/api/maps/{id}/poster.pdf',
        '/api/maps/{id}/poster.png',
      ]),
    );
    expect((await fetch(`${t.server.url}/api/docs`)).status).toBe(200);
  });

  it('sends security headers', async () => {
    const { headers } = await call('GET', '/api/health');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const response = await t.server.app.inject({
      method: 'GET',
      url: '/api/workspaces',
      headers: { host: 'evil.example:4321' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('demo workspace', () => {
  it('is seeded on first start with the map "Ungt utenforskap"', async () => {
    const { body } = await call('GET', '/api/workspaces');
    expect(body.workspaces.map((w: { name: string }) => w.name)).toEqual([DEMO_WORKSPACE_NAME]);
    const maps = await call('GET', `/api/workspaces/${body.workspaces[0].id}/maps`);
    expect(maps.body.maps).toHaveLength(1);
    expect(maps.body.maps[0].title).toBe('Ungt utenforskap');
    const exported = await call('GET', `/api/maps/${maps.body.maps[0].id}/export`);
    // The demo programme may add kept loops to the map; the map itself is the model's demo.
    expect({ ...exported.body, loops: [] }).toEqual(canonical(toMapFile(createDemoMap())));
  });
});

describe('workspaces and maps', () => {
  it('creates, lists, renames and deletes workspaces', async () => {
    const created = await call('POST', '/api/workspaces', { name: '  Kommune X  ' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Kommune X', id: expect.any(String) });
    const id = created.body.id;
    expect((await call('GET', `/api/workspaces/${id}`)).body.name).toBe('Kommune X');
    const renamed = await call('PATCH', `/api/workspaces/${id}`, { name: 'Kommune Y' });
    expect(renamed.body.name).toBe('Kommune Y');
    const list = await call('GET', '/api/workspaces');
    expect(list.body.workspaces.map((w: { id: string }) => w.id)).toContain(id);
    expect((await call('DELETE', `/api/workspaces/${id}`)).status).toBe(204);
    expect((await call('GET', `/api/workspaces/${id}`)).status).toBe(404);
  });

  it('creates an empty map with the default life-line and the four fields', async () => {
    const ws = (await call('POST', '/api/workspaces', { name: 'Tomme kart' })).body;
    const map = await call('POST', `/api/workspaces/${ws.id}/maps`, { title: 'Nytt kart' });
    expect(map.status).toBe(201);
    expect(map.body).toMatchObject({ title: 'Nytt kart', workspaceId: ws.id });
    const file = (await call('GET', `/api/maps/${map.body.id}/export`)).body;
    expect(file).toMatchObject({ format: 'helhet-map', version: 1, meta: { title: 'Nytt kart' } });
    expect(file.fields.map((f: { role: string }) => f.role)).toEqual([
      'conditions',
      'services',
      'enablers',
      'barriers',
    ]);
    expect(file.axis.segments.map((s: { toAge: number }) => s.toAge)).toEqual([30, 100]);
    expect(file.elements).toEqual([]);
  });

  it('creates a map from a template, with its fields and guide, and refuses an unknown one', async () => {
    const ws = (await call('POST', '/api/workspaces', { name: 'Maler' })).body;
    const map = await call('POST', `/api/workspaces/${ws.id}/maps`, {
      title: 'Isfjellet vårt',
      template: 'iceberg',
    });
    expect(map.status).toBe(201);
    const file = (await call('GET', `/api/maps/${map.body.id}/export`)).body;
    expect(file.meta.title).toBe('Isfjellet vårt');
    expect(file.meta.description).toMatch(/^Isfjellmodellen/);
    // The iceberg's four levels, top to bottom, as the method names them.
    expect(file.fields.map((f: { name: string }) => f.name)).toEqual([
      'Hendelser – det vi ser',
      'Mønstre og trender',
      'Strukturer',
      'Mentale modeller',
    ]);
    const bad = await call('POST', `/api/workspaces/${ws.id}/maps`, {
      title: 'Feil',
      template: 'venn',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/template/);
    expect((await call('GET', `/api/workspaces/${ws.id}/maps`)).body.maps).toHaveLength(1);
  });

  it('renames a map in its record and its document', async () => {
    const ws = (await call('POST', '/api/workspaces', { name: 'Omdøping' })).body;
    const map = (await call('POST', `/api/workspaces/${ws.id}/maps`, { title: 'Før' })).body;
    const renamed = await call('PATCH', `/api/maps/${map.id}`, { title: 'Etter' });
    expect(renamed.body.title).toBe('Etter');
    expect((await call('GET', `/api/maps/${map.id}`)).body.title).toBe('Etter');
    expect((await call('GET', `/api/maps/${map.id}/export`)).body.meta.title).toBe('Etter');
  });

  it('deletes a map, and a workspace deletes its maps', async () => {
    const ws = (await call('POST', '/api/workspaces', { name: 'Sletting' })).body;
    const a = (await call('POST', `/api/workspaces/${ws.id}/maps`, { title: 'A' })).body;
    const b = (await call('POST', `/api/workspaces/${ws.id}/maps`, { title: 'B' })).body;
    expect((await call('DELETE', `/api/maps/${a.id}`)).status).toBe(204);
    expect((await call('GET', `/api/maps/${a.id}`)).status).toBe(404);
    expect((await call('GET', `/api/workspaces/${ws.id}/maps`)).body.maps).toHaveLength(1);
    await call('DELETE', `/api/workspaces/${ws.id}`);
    expect((await call('GET', `/api/maps/${b.id}`)).status).toBe(404);
    expect((await call('GET', `/api/maps/${b.id}/export`)).status).toBe(404);
  });

  it('answers 404 with the error shape for unknown ids', async () => {
    for (const path of ['/api/workspaces/w-nope', '/api/maps/m-nope', '/api/maps/m-nope/export']) {
      const { status, body } = await call('GET', path);
      expect(status).toBe(404);
      expect(body.error.message).toMatch(/not found/);
    }
    expect((await call('POST', '/api/workspaces/w-nope/maps', { title: 'x' })).status).toBe(404);
    expect(
      (await call('POST', '/api/workspaces/w-nope/maps/import', toMapFile(createDemoMap()))).status,
    ).toBe(404);
  });
});

describe('validation', () => {
  it('names the field of a bad workspace and stores nothing', async () => {
    const before = (await call('GET', '/api/workspaces')).body;
    for (const [payload, path] of [
      [{ name: '' }, 'name'],
      [{ name: 42 }, 'name'],
      [{}, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
    ] as const) {
      const { status, body } = await call('POST', '/api/workspaces', payload);
      expect(status).toBe(400);
      expect(body.error.problems.map((p: { path: string }) => p.path)).toContain(path);
      expect(body.error.message).toContain(path);
    }
    const extra = await call('POST', '/api/workspaces', { name: 'ok', admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/admin/);
    expect((await call('GET', '/api/workspaces')).body).toEqual(before);
  });

  it('rejects malformed JSON and bad ids with 400', async () => {
    const broken = await call('POST', '/api/workspaces', undefined, '{"name": ');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toBeTruthy();
    const badId = await call('GET', '/api/maps/%3Cscript%3E');
    expect(badId.status).toBe(400);
    expect(badId.body.error.problems[0].path).toBe('id');
  });
});

describe('export and import', () => {
  it('round-trips a map through the native format', async () => {
    const ws = (await call('POST', '/api/workspaces', { name: 'Import' })).body;
    const file = toMapFile(createDemoMap());
    const imported = await call('POST', `/api/workspaces/${ws.id}/maps/import`, file);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ title: 'Ungt utenforskap', workspaceId: ws.id });
    const exported = await call('GET', `/api/maps/${imported.body.id}/export`);
    expect(exported.body).toEqual(canonical(file));
    expect(exported.headers.get('content-disposition')).toContain('.helhet.json');
  });

  it('rejects a malformed import with 400 naming every problem, and leaves the workspace unchanged', async () => {
    const ws = (await call('POST', '/api/workspaces', { name: 'Dårlig import' })).body;
    await call('POST', `/api/workspaces/${ws.id}/maps`, { title: 'Finnes fra før' });
    const before = (await call('GET', `/api/workspaces/${ws.id}/maps`)).body;
    const file = toMapFile(createDemoMap()) as unknown as {
      elements: Record<string, unknown>[];
      links: Record<string, unknown>[];
    };
    file.elements[3]!.label = '';
    file.links[0]!.to = 'e-finnes-ikke';
    const { status, body } = await call('POST', `/api/workspaces/${ws.id}/maps/import`, file);
    expect(status).toBe(400);
    const paths = body.error.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['elements[3].label', 'links[0].to']));
    expect(body.error.message).toContain('elements[3].label');
    for (const bad of [
      null,
      [],
      { format: 'kumu' },
      { ...toMapFile(createDemoMap()), version: 2 },
    ]) {
      expect((await call('POST', `/api/workspaces/${ws.id}/maps/import`, bad)).status).toBe(400);
    }
    expect((await call('GET', `/api/workspaces/${ws.id}/maps`)).body).toEqual(before);
  });

  it('accepts imports larger than the default body limit', async () => {
    const ws = (await call('POST', '/api/workspaces', { name: 'Stor import' })).body;
    const map = createDemoMap();
    const description = 'x'.repeat(9000);
    for (let i = 0; i < 200; i++) {
      map.elements.push({ ...map.elements[0]!, id: `e-stor-${i}`, description });
    }
    const body = JSON.stringify(toMapFile(map));
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const imported = await call('POST', `/api/workspaces/${ws.id}/maps/import`, undefined, body);
    expect(imported.status).toBe(201);
    const exported = await call('GET', `/api/maps/${imported.body.id}/export`);
    expect(exported.body.elements).toHaveLength(map.elements.length);
  });
});
