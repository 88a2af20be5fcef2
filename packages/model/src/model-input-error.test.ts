/**
 * Every model write function refuses invalid input with one typed error naming each problem's
 * path, so callers never parse messages.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ModelInputError, type InputProblem } from './validation.ts';
import {
  addElement,
  addField,
  addLink,
  setAxis,
  setMeta,
  updateElement,
  updateField,
  updateLink,
  writeMap,
} from './map/ydoc.ts';
import { createDemoMap } from './map/demo.ts';
import { keepLoop, narrateLoop, renameLoop } from './analysis/kept-loops.ts';
import {
  addWorkspaceRecord,
  castDots,
  setProcessSettings,
  updateWorkspaceRecord,
} from './workspace/ydoc.ts';

function refusal(write: () => unknown): InputProblem[] {
  try {
    write();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelInputError);
    return (error as ModelInputError).problems;
  }
  throw new Error('the write was not refused');
}

function demoDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeMap(doc, createDemoMap());
  return doc;
}

describe('ModelInputError', () => {
  it('is thrown by every map write function, with the path of each problem', () => {
    const doc = demoDoc();
    const before = Y.encodeStateAsUpdate(doc);
    expect(refusal(() => addElement(doc, { label: '', x: 0, y: 0 }))).toEqual([
      { path: 'label', message: 'must not be empty' },
    ]);
    expect(refusal(() => updateElement(doc, 'e-fravaer', { ageFrom: 20, ageTo: 10 }))).toEqual([
      { path: 'ageTo', message: 'ageTo must be at least ageFrom' },
    ]);
    expect(refusal(() => addLink(doc, { from: 'e-fravaer', to: 'nope' }))).toEqual([
      { path: 'to', message: 'unknown element "nope"' },
    ]);
    expect(refusal(() => updateLink(doc, 'l-2', { label: 'x'.repeat(201) }))[0]?.path).toBe(
      'label',
    );
    expect(refusal(() => addField(doc, { name: 'F', color: 'blue' }))[0]?.path).toBe('color');
    expect(refusal(() => updateField(doc, 'felt-hemmere', { order: -1 }))[0]?.path).toBe('order');
    expect(refusal(() => setMeta(doc, { title: '' }))[0]?.path).toBe('title');
    expect(refusal(() => setAxis(doc, { label: 'x', originX: 0, segments: [] }))[0]?.path).toBe(
      'segments',
    );
    expect(refusal(() => keepLoop(doc, { name: 'L', linkIds: ['nope'] }))).toEqual([
      { path: 'linkIds', message: 'unknown link "nope"' },
    ]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('is thrown by kept-loop edits', () => {
    const doc = new Y.Doc();
    addElement(doc, { id: 'a', label: 'a', x: 0, y: 0 });
    addElement(doc, { id: 'b', label: 'b', x: 0, y: 0 });
    addLink(doc, { id: 'ab', from: 'a', to: 'b' });
    addLink(doc, { id: 'ba', from: 'b', to: 'a' });
    keepLoop(doc, { id: 'k', name: 'L', linkIds: ['ab', 'ba'] });
    expect(
      refusal(() => keepLoop(doc, { id: 'k', name: 'L', linkIds: ['ab', 'ba'] }))[0]?.path,
    ).toBe('id');
    expect(refusal(() => keepLoop(doc, { name: 'L', linkIds: ['ab', 'ab'] }))[0]?.path).toBe(
      'linkIds',
    );
    expect(refusal(() => renameLoop(doc, 'k', ''))[0]?.path).toBe('name');
    expect(refusal(() => narrateLoop(doc, 'k', 'x'.repeat(20_001)))[0]?.path).toBe('narrative');
  });

  it('is thrown by every workspace write function', () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateAsUpdate(doc);
    expect(refusal(() => addWorkspaceRecord(doc, 'challenges', { title: '', sdgs: [18] }))).toEqual(
      [
        { path: 'title', message: 'must not be empty' },
        { path: 'sdgs[0]', message: 'must be 1–17' },
      ],
    );
    expect(refusal(() => setProcessSettings(doc, { dotsPerParticipant: 0 }))[0]?.path).toBe(
      'dotsPerParticipant',
    );
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    const c = addWorkspaceRecord(doc, 'challenges', { title: 'C' });
    expect(refusal(() => addWorkspaceRecord(doc, 'challenges', { id: c.id, title: 'D' }))).toEqual([
      { path: 'id', message: `"${c.id}" exists already` },
    ]);
    expect(refusal(() => updateWorkspaceRecord(doc, 'challenges', c.id, { sdgs: [0] }))).toEqual([
      { path: 'sdgs[0]', message: 'must be 1–17' },
    ]);
    const fa = addWorkspaceRecord(doc, 'focusAreas', { challengeId: c.id, title: 'F' });
    expect(refusal(() => castDots(doc, 'anne', fa.id, 6))).toEqual([
      { path: 'dots', message: 'anne has 5 of 5 dots left' },
    ]);
    expect(refusal(() => castDots(doc, 'anne', fa.id, -1))[0]?.path).toBe('dots');
  });

  it('carries the problems as text in its message', () => {
    const error = new ModelInputError([
      { path: 'a[1].b', message: 'bad' },
      { path: '', message: 'whole' },
    ]);
    expect(error.message).toBe('a[1].b: bad\nwhole');
    expect(error.name).toBe('ModelInputError');
  });
});
