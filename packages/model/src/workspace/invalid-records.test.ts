/** A process record that does not validate is kept by reads, exports and imports. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readWorkspace, workspaceCollection, writeWorkspace } from './ydoc.ts';
import { createDemoWorkspaceContent } from './demo.ts';
import { parseWorkspaceFile, toWorkspaceFile } from './file.ts';

describe('invalid process records are kept', () => {
  it('are read aside, exported and re-imported unchanged', () => {
    const doc = new Y.Doc();
    writeWorkspace(doc, createDemoWorkspaceContent('m1'));
    const bad = new Y.Map<unknown>();
    bad.set('name', '');
    bad.set('status', 'unknown');
    workspaceCollection(doc, 'projects').set('p-bad', bad);
    const read = readWorkspace(doc);
    expect(read.content.projects.some((p) => p.id === 'p-bad')).toBe(false);
    expect(read.invalid).toEqual([
      expect.objectContaining({
        collection: 'projects',
        id: 'p-bad',
        raw: { name: '', status: 'unknown' },
      }),
    ]);
    expect(read.content.invalid).toEqual(read.invalid);
    const file = JSON.parse(JSON.stringify(toWorkspaceFile('Demo', [], read.content)));
    expect(file.invalid).toHaveLength(1);
    const parsed = parseWorkspaceFile(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const copy = new Y.Doc();
    writeWorkspace(copy, parsed.value.content);
    expect(readWorkspace(copy)).toEqual(readWorkspace(doc));
  });
});
