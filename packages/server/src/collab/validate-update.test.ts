import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addElement, createDemoMap, writeMap } from '@helhet/model';
import { inspectUpdate, MAX_UPDATE_BYTES } from './validate-update.ts';

describe('inspectUpdate', () => {
  it('accepts updates of the map contract and tells empty ones apart', () => {
    const doc = new Y.Doc();
    writeMap(doc, createDemoMap());
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc))).toEqual({ ok: true, empty: false });
    const vector = Y.encodeStateVector(doc);
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc, vector))).toEqual({ ok: true, empty: true });
    addElement(doc, { label: 'Ny', x: 0, y: 0 });
    expect(inspectUpdate(Y.encodeStateAsUpdate(doc, vector))).toEqual({ ok: true, empty: false });
  });

  it('refuses writes to top-level types outside the contract', () => {
    const doc = new Y.Doc();
    doc.getArray('scripts').push(['x']);
    const result = inspectUpdate(Y.encodeStateAsUpdate(doc));
    expect(result).toEqual({ ok: false, problem: expect.stringContaining('"scripts"') });
  });

  it('refuses random bytes and oversized updates without throwing', () => {
    // A fixed xorshift sequence, so every run checks the same inputs.
    let state = 0x2545f491;
    const nextByte = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state & 0xff;
    };
    for (let i = 0; i < 500; i++) {
      const bytes = Uint8Array.from({ length: 3 + (i % 300) }, nextByte);
      expect(inspectUpdate(bytes).ok).toBe(false);
    }
    expect(inspectUpdate(new Uint8Array(MAX_UPDATE_BYTES + 1)).ok).toBe(false);
  });
});
