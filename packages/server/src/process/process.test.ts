import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkspace, workspaceDocumentName } from '@helhet/model';
import { acknowledged, connectClient, eventually, useTestServer } from '../test/harness.ts';

let demoId: string;
let mapId: string;

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
}

async function call(method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await t.api(path, {
    method,
    headers: body !== undefined ? { 'content-type': 'application/json' } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const t = useTestServer();

beforeAll(async () => {
  demoId = (await call('GET', '/api/workspaces')).body.workspaces[0].id;
  mapId = (await call('GET', `/api/workspaces/${demoId}/maps`)).body.maps[0].id;
});

describe('workspace process API', () => {
  it('seeds the demo programme from the seed talk', async () => {
    const { status, body } = await call('GET', `/api/workspaces/${demoId}/process`);
    expect(status).toBe(200);
    expect(body.problems).toEqual([]);
    expect(body.content.portfolios.map((p: { name: string }) => p.name).sort()).toEqual([
      'Den demografiske utviklingen',
      'Ungt utenforskap',
    ]);
    const p2040 = body.content.projects.find((p: { id: string }) => p.id === 'p-2040');
    expect(p2040.goals[1]).toBe(
      'Gjøre det enklere for kommunene å planlegge og gjennomføre nødvendige endringer.',
    );
    expect(body.content.innovationAreas.find((a: { id: string }) => a.id === 'ia-los').mapId).toBe(
      mapId,
    );
    expect(body.gaps.relationships.keptLoops).toBe(1);
  });

  it('creates, changes and deletes records, refusing bad input with the field named', async () => {
    const base = `/api/workspaces/${demoId}/process`;
    const bad = await call('POST', `${base}/challenges`, { title: '', sdgs: [18] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      'sdgs[0]',
      'title',
    ]);
    const created = await call('POST', `${base}/challenges`, { title: 'Klima', sdgs: [13] });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const badRef = await call('POST', `${base}/focus-areas`, { challengeId: 'nope', title: 'X' });
    expect(badRef.body.error.problems).toEqual([
      { path: 'challengeId', message: 'unknown challenge "nope"' },
    ]);
    const badArea = await call('POST', `${base}/innovation-areas`, {
      title: 'Fra kartet',
      mapId,
      elementIds: ['e-fravaer', 'e-borte'],
    });
    expect(badArea.body.error.problems).toEqual([
      { path: 'elementIds[1]', message: 'unknown element "e-borte"' },
    ]);
    const patched = await call('PATCH', `${base}/challenges/${id}`, { sdgs: [13, 11] });
    expect(patched.body.sdgs).toEqual([13, 11]);
    expect((await call('PATCH', `${base}/challenges/${id}`, { sdgs: 'x' })).status).toBe(400);
    expect((await call('PATCH', `${base}/challenges/nope`, { title: 'x' })).status).toBe(404);
    expect((await call('DELETE', `${base}/challenges/${id}`)).status).toBe(204);
    expect((await call('DELETE', `${base}/challenges/${id}`)).status).toBe(404);
    const list = await call('GET', `${base}/challenges`);
    expect(list.body.records.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('counts dots of two participants and refuses more than the budget', async () => {
    const base = `/api/workspaces/${demoId}/process`;
    expect(
      (
        await call('PUT', `${base}/votes`, {
          participantId: 'anne',
          targetId: 'fa-arbeid',
          dots: 3,
        })
      ).status,
    ).toBe(200);
    await call('PUT', `${base}/votes`, { participantId: 'bjorn', targetId: 'fa-arbeid', dots: 2 });
    await call('PUT', `${base}/votes`, {
      participantId: 'bjorn',
      targetId: 'fa-overganger',
      dots: 3,
    });
    const over = await call('PUT', `${base}/votes`, {
      participantId: 'anne',
      targetId: 'fa-overganger',
      dots: 3,
    });
    expect(over.status).toBe(400);
    expect(over.body.error.problems[0].path).toBe('dots');
    const results = await call('GET', `${base}/votes`);
    expect(results.body.tallies.slice(0, 2)).toEqual([
      { targetId: 'fa-arbeid', dots: 5, voters: 2 },
      { targetId: 'fa-overganger', dots: 3, voters: 1 },
    ]);
    expect(
      (await call('PUT', `${base}/votes`, { participantId: 'anne', targetId: 'nope', dots: 1 }))
        .status,
    ).toBe(400);
  });

  it('answers coverage, traceability and the portfolio network', async () => {
    const base = `/api/workspaces/${demoId}/process`;
    const coverage = (await call('GET', `${base}/coverage`)).body;
    expect(coverage.rows.find((r: { id: string }) => r.id === 'k-utenforskap').projectIds).toEqual([
      'p-offentlig-sektor',
    ]);
    const trace = (await call('GET', `${base}/traceability/projects/p-offentlig-sektor`)).body;
    expect(trace.loops[0].id).toBe('k-utenforskap');
    const element = (await call('GET', `${base}/traceability/elements/${mapId}/e-frafall`)).body;
    expect(element.projects).toEqual([
      { id: 'p-offentlig-sektor', name: 'En offentlig sektor for vår tid' },
    ]);
    const network = (await call('GET', `${base}/network?portfolioId=pf-ungt-utenforskap`)).body;
    expect(network.loops).toHaveLength(1);
    expect((await call('GET', `${base}/traceability/projects/nope`)).status).toBe(404);
  });

  it('shows API changes to a live client at once, and stores client changes durably', async () => {
    const client = await connectClient(t.server, workspaceDocumentName(demoId));
    try {
      await call('POST', `/api/workspaces/${demoId}/process/portfolios`, {
        id: 'pf-live',
        name: 'Levende',
      });
      await eventually(() =>
        readWorkspace(client.doc).content.portfolios.some((p) => p.id === 'pf-live'),
      );
      client.doc.getMap('portfolios').delete('pf-live');
      await acknowledged(client);
    } finally {
      client.destroy();
    }
    await t.restart();
    const list = await call('GET', `/api/workspaces/${demoId}/process/portfolios`);
    expect(list.body.records.map((p: { id: string }) => p.id)).not.toContain('pf-live');
    expect(list.body.records).toHaveLength(2);
  });

  it('refuses a client update outside the workspace document contract', async () => {
    const client = await connectClient(t.server, workspaceDocumentName(demoId));
    const closed = new Promise((resolve) => client.provider.on('close', resolve));
    client.doc.getMap('elements').set('x', 1);
    await closed;
    client.destroy();
    const { body } = await call('GET', `/api/workspaces/${demoId}/process`);
    expect(body.problems).toEqual([]);
  });

  it('refuses a document of a workspace that does not exist', async () => {
    await expect(connectClient(t.server, workspaceDocumentName('nope'))).rejects.toThrow(/refused/);
  });
});

describe('deleting a workspace', () => {
  it('removes its process and disconnects its open pages', async () => {
    const created = await call('POST', '/api/workspaces', { name: 'Kortvarig' });
    const id = created.body.id;
    await call('POST', `/api/workspaces/${id}/process/challenges`, { title: 'Noe' });
    const client = await connectClient(t.server, workspaceDocumentName(id));
    const closed = new Promise((resolve) => client.provider.on('close', resolve));
    expect((await call('DELETE', `/api/workspaces/${id}`)).status).toBe(204);
    await closed;
    client.destroy();
    expect((await call('GET', `/api/workspaces/${id}/process`)).status).toBe(404);
    await expect(connectClient(t.server, workspaceDocumentName(id))).rejects.toThrow(/refused/);
  });
});

describe('OpenAPI', () => {
  it('documents the process routes', async () => {
    const { body } = await call('GET', '/api/openapi.json');
    const paths = Object.keys(body.paths);
    for (const path of [
      '/api/workspaces/{id}/process',
      '/api/workspaces/{id}/process/projects/{recordId}',
      '/api/workspaces/{id}/process/votes',
      '/api/workspaces/{id}/process/coverage',
      '/api/workspaces/{id}/process/traceability/elements/{mapId}/{elementId}',
      '/api/workspaces/{id}/export',
      '/api/workspaces/import',
    ])
      expect(paths).toContain(path);
    expect(body.paths['/api/workspaces/{id}/process/projects'].post.tags).toEqual(['process']);
  });
});

describe('workspace export and import', () => {
  it('export → import → export gives the same file', async () => {
    const first = await call('GET', `/api/workspaces/${demoId}/export`);
    expect(first.body.format).toBe('helhet-workspace');
    const imported = await call('POST', '/api/workspaces/import', first.body);
    expect(imported.status).toBe(201);
    expect(imported.body.id).not.toBe(demoId);
    const again = await call('GET', `/api/workspaces/${imported.body.id}/export`);
    expect(again.body).toEqual(first.body);
    const maps = (await call('GET', `/api/workspaces/${imported.body.id}/maps`)).body.maps;
    const process = (await call('GET', `/api/workspaces/${imported.body.id}/process`)).body;
    expect(
      process.content.innovationAreas.find((a: { id: string }) => a.id === 'ia-los').mapId,
    ).toBe(maps[0].id);
  });

  it('stores nothing when any part of the file is wrong', async () => {
    const before = (await call('GET', '/api/workspaces')).body.workspaces.length;
    const file = (await call('GET', `/api/workspaces/${demoId}/export`)).body;
    file.projects[0].relations = [{ kind: 'reinforces', projectId: 'ghost', reason: '' }];
    file.maps[0].map.elements[0].label = '';
    const reply = await call('POST', '/api/workspaces/import', file);
    expect(reply.status).toBe(400);
    expect(reply.body.error.problems.map((p: { path: string }) => p.path)).toContain(
      'maps[0].map.elements[0].label',
    );
    expect((await call('GET', '/api/workspaces')).body.workspaces).toHaveLength(before);
    expect((await call('POST', '/api/workspaces/import', { format: 'helhet-map' })).status).toBe(
      400,
    );
  });
});
