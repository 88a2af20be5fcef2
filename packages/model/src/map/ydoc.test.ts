import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  moveElementsBy,
  addElement,
  addField,
  addLink,
  readMap,
  removeElements,
  removeField,
  setAxis,
  updateElement,
  updateField,
  updateLink,
  writeMap,
} from './ydoc.ts';
import { createDemoMap } from './demo.ts';
import { parseMapFile, toMapFile } from './native-format.ts';
import { compareById } from '../ids.ts';

function demoDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeMap(doc, createDemoMap());
  return doc;
}

describe('map document', () => {
  it('round-trips the demo map through a Y.Doc without loss', () => {
    const demo = createDemoMap();
    const { map, problems } = readMap(demoDoc());
    expect(problems).toEqual([]);
    expect(map.elements).toHaveLength(demo.elements.length);
    expect(map.links).toHaveLength(demo.links.length);
    expect(map).toEqual({
      ...demo,
      elements: [...demo.elements].sort(compareById),
      links: [...demo.links].sort(compareById),
    });
  });

  it('marks every demo record as an example', () => {
    const demo = createDemoMap();
    expect(demo.meta.example).toBe(true);
    expect(demo.elements.every((e) => e.example)).toBe(true);
    expect(demo.links.every((l) => l.example)).toBe(true);
  });

  it('creates, edits and deletes elements and cascades links', () => {
    const doc = demoDoc();
    const a = addElement(doc, {
      label: 'A',
      x: 0,
      y: 0,
      fieldId: 'felt-fremmere',
      ageFrom: 16,
      ageTo: 20,
    });
    const b = addElement(doc, { label: 'B', x: 10, y: 10 });
    const link = addLink(doc, { from: a.id, to: b.id, polarity: '-', delay: true });
    expect(updateElement(doc, a.id, { label: 'A2', x: 5 })).toBe(true);
    expect(updateLink(doc, link.id, { polarity: '+' })).toBe(true);
    let { map } = readMap(doc);
    expect(map.elements.find((e) => e.id === a.id)).toMatchObject({
      label: 'A2',
      x: 5,
      ageFrom: 16,
    });
    expect(map.links.find((l) => l.id === link.id)).toMatchObject({ polarity: '+', delay: true });
    removeElements(doc, [a.id]);
    ({ map } = readMap(doc));
    expect(map.elements.some((e) => e.id === a.id)).toBe(false);
    expect(map.links.some((l) => l.id === link.id)).toBe(false);
  });

  it('rejects invalid edits without changing the document', () => {
    const doc = demoDoc();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => addElement(doc, { label: '', x: 0, y: 0 })).toThrow();
    expect(() => updateElement(doc, 'e-fravaer', { ageFrom: 20, ageTo: 10 })).toThrow();
    expect(() => addLink(doc, { from: 'e-fravaer', to: 'nope' })).toThrow(/unknown element/);
    expect(() => setAxis(doc, { label: 'x', originX: 0, segments: [] })).toThrow();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('keeps fields first-class: add, rename, recolour, delete keeps elements', () => {
    const doc = demoDoc();
    const f = addField(doc, { name: 'Politikk', color: '#663399' });
    expect(f.order).toBe(4);
    updateField(doc, f.id, { name: 'Politikk og styring', color: '#552288' });
    removeField(doc, 'felt-hemmere');
    const { map } = readMap(doc);
    expect(map.fields.map((x) => x.name)).toContain('Politikk og styring');
    expect(map.fields.some((x) => x.id === 'felt-hemmere')).toBe(false);
    expect(map.elements.find((e) => e.id === 'e-silo')?.fieldId).toBeNull();
  });

  it('skips and reports a corrupt record instead of failing', () => {
    const doc = demoDoc();
    const bad = new Y.Map<unknown>();
    bad.set('label', 42);
    doc.getMap('elements').set('e-bad', bad);
    const { map, problems } = readMap(doc);
    expect(map.elements.some((e) => e.id === 'e-bad')).toBe(false);
    expect(problems[0]?.path).toMatch(/^elements\.e-bad/);
  });

  it('concurrent edits to different properties of one element both survive', () => {
    const a = demoDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateElement(a, 'e-fravaer', { x: 123 });
    updateElement(b, 'e-fravaer', { label: 'Skolefravær' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      expect(readMap(doc).map.elements.find((e) => e.id === 'e-fravaer')).toMatchObject({
        x: 123,
        label: 'Skolefravær',
      });
    }
  });
});

describe('native format', () => {
  it('exports and re-imports a map unchanged', () => {
    const { map } = readMap(demoDoc());
    const file = JSON.parse(JSON.stringify(toMapFile(map)));
    expect(file.format).toBe('helhet-map');
    expect(file.version).toBe(1);
    const parsed = parseMapFile(file);
    expect(parsed.ok && parsed.value).toEqual(map);
  });

  it('names every problem of a malformed file with its path', () => {
    const file = toMapFile(createDemoMap()) as unknown as Record<string, unknown>;
    const elements = file.elements as Record<string, unknown>[];
    elements[2] = { ...elements[2], label: '' };
    (file.links as Record<string, unknown>[])[0]!.to = 'missing';
    (file.links as Record<string, unknown>[])[1]!.polarity = 'x';
    const result = parseMapFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.path);
    expect(paths).toContain('elements[2].label');
    expect(paths).toContain('links[0].to');
    expect(paths).toContain('links[1].polarity');
  });

  it('rejects wrong format or version', () => {
    expect(parseMapFile({ format: 'kumu' }).ok).toBe(false);
    expect(parseMapFile(null).ok).toBe(false);
    expect(parseMapFile({ ...toMapFile(createDemoMap()), version: 2 }).ok).toBe(false);
  });
});

describe('moveElementsBy', () => {
  it('moves from where the document has the element, so quick moves add up', () => {
    const doc = new Y.Doc();
    writeMap(doc, createDemoMap());
    const start = readMap(doc).map.elements.find((e) => e.id === 'e-silo')!;
    // Three presses before anyone reads the document again (a held arrow key).
    moveElementsBy(doc, ['e-silo'], 100, 0);
    moveElementsBy(doc, ['e-silo'], 10, 0);
    const last = moveElementsBy(doc, ['e-silo', 'e-missing'], 10, -5);
    expect([...last.keys()]).toEqual(['e-silo']);
    const end = readMap(doc).map.elements.find((e) => e.id === 'e-silo')!;
    expect({ x: end.x - start.x, y: end.y - start.y }).toEqual({ x: 120, y: -5 });
    expect(last.get('e-silo')).toEqual({ x: end.x, y: end.y });
  });
});
