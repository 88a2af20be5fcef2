/**
 * Saved views and presentations: the write functions, reading (old documents without them
 * too), the native file's round trip, and the update checker's verdicts on them.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addPresentation,
  addView,
  readMap,
  removeView,
  updatePresentation,
  updateView,
  writeMap,
} from './ydoc.ts';
import { createDemoMap } from './demo.ts';
import { parseMapFile, toMapFile } from './native-format.ts';
import { viewCollection } from './collections.ts';
import { ModelInputError } from '../validation.ts';
import { checkDocumentUpdate } from '../documents/check-update.ts';

function demoDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeMap(doc, createDemoMap());
  return doc;
}

describe('saved views', () => {
  it('adds a view with defaults and reads it back', () => {
    const doc = demoDoc();
    const view = addView(doc, {
      name: 'Hemmere 16–20',
      fieldIds: ['felt-hemmere'],
      band: { fromAge: 16, toAge: 20 },
    });
    expect(view).toMatchObject({ kinds: [], tags: [], focus: null, loopId: null, camera: null });
    expect(readMap(doc).map.views).toEqual([view]);
  });

  it('refuses bad input with a ModelInputError naming the path', () => {
    const doc = demoDoc();
    expect(() => addView(doc, { name: '' })).toThrow(ModelInputError);
    try {
      addView(doc, { name: 'x', band: { fromAge: 20, toAge: 16 } });
      expect.unreachable();
    } catch (error) {
      expect((error as ModelInputError).problems[0]!.path).toBe('band.toAge');
    }
    expect(() => addView(doc, { name: 'x', camera: { x: 0, y: 0, width: -1, height: 1 } })).toThrow(
      ModelInputError,
    );
  });

  it('writes only the changed properties, in one transaction with the origin', () => {
    const doc = demoDoc();
    const view = addView(doc, { name: 'A', tags: ['skole'] });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    const record = viewCollection.map(doc).get(view.id)!;
    const changed: string[] = [];
    record.observe((event) => changed.push(...event.keysChanged));
    expect(updateView(doc, view.id, { name: 'B', tags: ['skole'] }, 'me')).toBe(true);
    expect(changed).toEqual(['name']);
    expect(origins).toEqual(['me']);
    expect(updateView(doc, 'v-missing', { name: 'C' })).toBe(false);
  });

  it('removing a view removes the presentation steps that show it, in one step', () => {
    const doc = demoDoc();
    const a = addView(doc, { name: 'A' });
    const b = addView(doc, { name: 'B' });
    const p = addPresentation(doc, {
      name: 'Tur',
      steps: [
        { viewId: a.id, narrative: 'Først' },
        { viewId: b.id, narrative: 'Så' },
      ],
    });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(removeView(doc, a.id, 'me')).toBe(true);
    expect(transactions).toBe(1);
    const read = readMap(doc).map;
    expect(read.views.map((v) => v.id)).toEqual([b.id]);
    expect(read.presentations).toEqual([{ ...p, steps: [{ viewId: b.id, narrative: 'Så' }] }]);
  });

  it('refuses a presentation step naming a view that does not exist', () => {
    const doc = demoDoc();
    expect(() =>
      addPresentation(doc, { name: 'Tur', steps: [{ viewId: 'v-none', narrative: '' }] }),
    ).toThrow(/unknown view/);
    const p = addPresentation(doc, { name: 'Tur' });
    expect(() =>
      updatePresentation(doc, p.id, { steps: [{ viewId: 'v-none', narrative: '' }] }),
    ).toThrow(ModelInputError);
  });

  it('reads a document written before views existed as having none', () => {
    const doc = new Y.Doc();
    const demo = createDemoMap();
    writeMap(doc, demo);
    doc.transact(() => {
      doc.share.delete('views');
      doc.share.delete('presentations');
    });
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(doc));
    const { map, problems } = readMap(old);
    expect(problems).toEqual([]);
    expect(map.views).toEqual([]);
    expect(map.presentations).toEqual([]);
  });

  it('round-trips views and presentations through the native file; an old file reads as none', () => {
    const doc = demoDoc();
    const view = addView(doc, {
      name: 'Fokus',
      focus: { elementId: createDemoMap().elements[0]!.id, steps: 2, direction: 'both' },
      camera: { x: 10, y: 20, width: 800, height: 400 },
    });
    addPresentation(doc, { name: 'Tur', steps: [{ viewId: view.id, narrative: 'Her' }] });
    const map = readMap(doc).map;
    const parsed = parseMapFile(JSON.parse(JSON.stringify(toMapFile(map))));
    expect(parsed).toEqual({ ok: true, value: map });

    const { views: _v, presentations: _p, ...old } = toMapFile(createDemoMap());
    const oldParsed = parseMapFile(old);
    expect(oldParsed.ok && oldParsed.value.views).toEqual([]);
  });

  it('the native file refuses a bad view with its path', () => {
    const file = {
      ...toMapFile(createDemoMap()),
      views: [{ id: 'v1', name: 'x', kinds: ['nope'] }],
    };
    const parsed = parseMapFile(file);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toContain('views[0].kinds[0]');
  });
});

describe('the update checker on views and presentations', () => {
  function pair() {
    const server = demoDoc();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    return { server, client };
  }
  const check = (server: Y.Doc, client: Y.Doc, edit: () => void) => {
    edit();
    return checkDocumentUpdate(
      'map',
      server,
      Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)),
    );
  };

  it('accepts what the write functions make', () => {
    const { server, client } = pair();
    const result = check(server, client, () => {
      const v = addView(client, { name: 'A', fieldIds: ['felt-hemmere'], kinds: ['actor'] });
      addPresentation(client, { name: 'Tur', steps: [{ viewId: v.id, narrative: 'x' }] });
    });
    expect(result).toEqual({ ok: true, empty: false });
  });

  it('refuses a view with a bad value', () => {
    const { server, client } = pair();
    const result = check(server, client, () => {
      const v = addView(client, { name: 'A' });
      viewCollection.map(client).get(v.id)!.set('kinds', ['not-a-kind']);
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toMatch(/^views\.v.*\.kinds/);
  });

  it('refuses a view naming a field that never existed, and a step naming no view', () => {
    const { server, client } = pair();
    const result = check(server, client, () => {
      const v = addView(client, { name: 'A' });
      viewCollection.map(client).get(v.id)!.set('fieldIds', ['f-never']);
    });
    expect(result.ok).toBe(false);
    const second = pair();
    const steps = check(second.server, second.client, () => {
      const p = addPresentation(second.client, { name: 'Tur' });
      second.client
        .getMap<Y.Map<unknown>>('presentations')
        .get(p.id)!
        .set('steps', [{ viewId: 'v-never', narrative: '' }]);
    });
    expect(steps.ok).toBe(false);
  });

  it('refuses a presentation narrative longer than the limit', () => {
    const { server, client } = pair();
    const result = check(server, client, () => {
      const v = addView(client, { name: 'A' });
      const p = addPresentation(client, { name: 'Tur' });
      client
        .getMap<Y.Map<unknown>>('presentations')
        .get(p.id)!
        .set('steps', [{ viewId: v.id, narrative: 'x'.repeat(2001) }]);
    });
    expect(result.ok).toBe(false);
  });
});
