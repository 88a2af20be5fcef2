import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, createDemoMap, writeMap } from '@helhet/model';
import { inspectUpdate, MAX_UPDATE_BYTES, refusalReason } from './validate-update.ts';

describe('inspectUpdate', () => {
  it('accepts updates of the map contract and tells empty ones apart', () => {
    const server = new Y.Doc();
    const doc = new Y.Doc();
    writeMap(doc, createDemoMap());
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc), 'map', server)).toEqual({
      ok: true,
      empty: false,
    });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const vector = Y.encodeStateVector(doc);
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc, vector), 'map', server)).toEqual({
      ok: true,
      empty: true,
    });
    addElement(doc, { label: 'Ny', x: 0, y: 0 });
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc, vector), 'map', server)).toEqual({
      ok: true,
      empty: false,
    });
  });

  it('refuses writes outside the contract, saying where, in the reason a client gets', () => {
    const doc = new Y.Doc();
    doc.getArray('scripts').push(['x']);
    const result = inspectUpdate(Y.encodeStateAsUpdate(doc), 'map', new Y.Doc());
    expect(result).toMatchObject({ ok: false, problem: expect.stringContaining('scripts') });
    expect(refusalReason(result)).toMatch(/^invalid-update: scripts: /);
    const workspace = inspectUpdate(Y.encodeStateAsUpdate(doc), 'workspace', new Y.Doc());
    expect(workspace.ok).toBe(false);
  });

  it('refuses oversized updates before decoding them', () => {
    expect(inspectUpdate(new Uint8Array(MAX_UPDATE_BYTES + 1), 'map', new Y.Doc())).toMatchObject({
      ok: false,
      problem: expect.stringContaining('exceeds the limit'),
    });
  });
});
