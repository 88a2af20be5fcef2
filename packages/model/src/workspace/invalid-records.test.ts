/** A process record that does not validate is kept by reads, exports and imports. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWorkspaceRecord,
  readWorkspace,
  removeWorkspaceRecord,
  workspaceCollection,
  writeWorkspace,
} from './ydoc.ts';
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

  it('a focus area whose challenge was deleted concurrently survives export and import', () => {
    const a = new Y.Doc();
    writeWorkspace(a, createDemoWorkspaceContent('m1'));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const challenge = readWorkspace(a).content.challenges[0]!.id;
    addWorkspaceRecord(a, 'focusAreas', { id: 'fa-ny', challengeId: challenge, title: 'Ny' });
    removeWorkspaceRecord(b, 'challenges', challenge);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const before = readWorkspace(a).content;
    expect(before.focusAreas.some((f) => f.id === 'fa-ny')).toBe(true);
    const file = JSON.parse(JSON.stringify(toWorkspaceFile('Demo', [], before)));
    expect(file.invalid).toContainEqual(
      expect.objectContaining({ collection: 'focusAreas', id: 'fa-ny' }),
    );
    const parsed = parseWorkspaceFile(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const copy = new Y.Doc();
    writeWorkspace(copy, parsed.value.content);
    expect(readWorkspace(copy).content.focusAreas).toContainEqual(
      before.focusAreas.find((f) => f.id === 'fa-ny'),
    );
    expect(JSON.stringify(toWorkspaceFile('Demo', [], readWorkspace(copy).content))).toBe(
      JSON.stringify(file),
    );
  });
});
