/**
 * The update checker refuses what would break a reader and accepts every edit the model's
 * write functions make, alone and when replicas edit concurrently.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import type { z } from 'zod';
import { checkDocumentUpdate, type UpdateCheck } from './check-update.ts';
import {
  addElement,
  addField,
  addLink,
  removeElements,
  removeField,
  removeLinks,
  setAxis,
  setMeta,
  updateElement,
  updateField,
  updateLink,
  writeMap,
} from '../map/ydoc.ts';
import { createDemoMap, DEMO_AXIS } from '../map/demo.ts';
import { MapElement } from '../map/schema.ts';
import { deleteLoop, keepLoop, narrateLoop, renameLoop } from '../analysis/kept-loops.ts';
import {
  addWorkspaceRecord,
  castDots,
  removeWorkspaceRecord,
  setProcessSettings,
  updateWorkspaceRecord,
  workspaceCollection,
  writeWorkspace,
} from '../workspace/ydoc.ts';
import { createDemoWorkspaceContent } from '../workspace/demo.ts';

type Kind = 'map' | 'workspace';

/** A "server" replica with the demo content and a client synced from it. */
function pair(kind: Kind): { server: Y.Doc; client: Y.Doc } {
  const server = new Y.Doc();
  if (kind === 'map') writeMap(server, createDemoMap());
  else writeWorkspace(server, createDemoWorkspaceContent('m-1'));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** What the client sends for `edit`: the difference to what the server has. */
function sent(server: Y.Doc, client: Y.Doc, edit: () => void): Uint8Array {
  edit();
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

/** Checks the client's edit against the server and applies it there when accepted. */
function deliver(kind: Kind, server: Y.Doc, client: Y.Doc, edit: () => void): UpdateCheck {
  const update = sent(server, client, edit);
  const result = checkDocumentUpdate(kind, server, update);
  if (result.ok) Y.applyUpdate(server, update);
  return result;
}

/** Checks one edit of a fresh client against a fresh server. */
function attempt(kind: Kind, edit: (client: Y.Doc) => void): UpdateCheck {
  const { server, client } = pair(kind);
  return deliver(kind, server, client, () => edit(client));
}

function refusedPaths(result: UpdateCheck): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map((p) => p.path);
}

/** Nests `depth` Y.Maps under `record.x`, as the reliability probe did. */
function bomb(record: Y.Map<unknown>, depth = 10_000): void {
  record.doc!.transact(() => {
    let m = record;
    for (let i = 0; i < depth; i++) {
      const next = new Y.Map<unknown>();
      m.set('x', next);
      m = next;
    }
  });
}

const element = (doc: Y.Doc, id = 'e-fravaer') => doc.getMap<Y.Map<unknown>>('elements').get(id)!;

describe('checkDocumentUpdate refuses', () => {
  it('a Y.Map nested 10,000 deep inside an element, quickly', () => {
    const { server, client } = pair('map');
    const update = sent(server, client, () => bomb(element(client)));
    expect(update.byteLength).toBeGreaterThan(100_000);
    const started = Date.now();
    const result = checkDocumentUpdate('map', server, update);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(refusedPaths(result)).toContain('elements.e-fravaer.x');
    expect(result.ok || result.problems.length).toBeLessThanOrEqual(20);
  });

  it('a shared type at depth 3 (a Y.Map, Y.Array or Y.Text inside a record or in meta)', () => {
    for (const make of [() => new Y.Map(), () => new Y.Array(), () => new Y.Text('x')]) {
      const result = attempt('map', (client) => element(client).set('tags', make()));
      expect(refusedPaths(result)).toEqual(['elements.e-fravaer.tags']);
      expect(result.ok || result.problems[0]!.message).toMatch(/plain JSON value/);
      const meta = attempt('map', (client) => client.getMap('meta').set('title', make()));
      expect(refusedPaths(meta)).toEqual(['meta.title']);
    }
  });

  it('a value of the wrong type, naming the record and property', () => {
    const result = attempt('map', (client) => element(client).set('x', 'str'));
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'elements.e-fravaer.x', message: expect.any(String) }],
    });
  });

  it('a 15 MB label, and one character over the schema maximum', () => {
    const huge = attempt('map', (client) =>
      element(client).set('label', 'x'.repeat(15 * 1024 * 1024)),
    );
    expect(refusedPaths(huge)).toEqual(['elements.e-fravaer.label']);
    const over = attempt('map', (client) => element(client).set('label', 'x'.repeat(201)));
    expect(refusedPaths(over)).toEqual(['elements.e-fravaer.label']);
  });

  it('an unknown property, and the id stored inside the record', () => {
    for (const key of ['seq', 'id']) {
      const result = attempt('map', (client) => element(client).set(key, 1));
      expect(result).toEqual({
        ok: false,
        problems: [{ path: `elements.e-fravaer.${key}`, message: 'unknown property' }],
      });
    }
  });

  it('values that are not JSON or nest too deep', () => {
    const binary = attempt('map', (client) =>
      element(client).set('description', new Uint8Array([1, 2])),
    );
    expect(refusedPaths(binary)).toEqual(['elements.e-fravaer.description']);
    let deep: unknown = 'x';
    for (let i = 0; i < 50; i++) deep = [deep];
    const nested = attempt('map', (client) => element(client).set('tags', deep));
    expect(refusedPaths(nested)).toEqual(['elements.e-fravaer.tags']);
  });

  it('a link to an element that never existed, but not to one that was deleted', () => {
    const never = attempt('map', (client) =>
      client.transact(() => {
        const link = new Y.Map<unknown>();
        link.set('from', 'e-fravaer');
        link.set('to', 'e-finnes-ikke');
        client.getMap('links').set('l-ny', link);
      }),
    );
    expect(never).toEqual({
      ok: false,
      problems: [{ path: 'links.l-ny.to', message: expect.stringContaining('e-finnes-ikke') }],
    });
    // One person deletes an element while another links to it: the link is kept (broken).
    const { server, client } = pair('map');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const target = addElement(client, { label: 'Snart borte', x: 0, y: 0 });
    expect(deliver('map', server, client, () => {}).ok).toBe(true);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    removeElements(server, [target.id]);
    expect(
      deliver('map', server, other, () => addLink(other, { from: 'e-fravaer', to: target.id })).ok,
    ).toBe(true);
  });

  it('a kept loop naming a link that never existed', () => {
    const { server, client } = pair('map');
    const result = deliver('map', server, client, () =>
      client.transact(() => {
        const loop = new Y.Map<unknown>();
        loop.set('name', 'Sløyfe');
        loop.set('linkIds', ['l-finnes-ikke']);
        client.getMap('loops').set('k-1', loop);
      }),
    );
    expect(refusedPaths(result)).toEqual(['loops.k-1.linkIds']);
  });

  it('writes to a top-level type outside the layout, and lists in a map', () => {
    const { server, client } = pair('map');
    expect(
      refusedPaths(deliver('map', server, client, () => client.getMap('scripts').set('x', 1))),
    ).toEqual(['scripts']);
    const stranger = new Y.Doc();
    stranger.getArray('elements').push([1]);
    expect(
      refusedPaths(checkDocumentUpdate('map', server, Y.encodeStateAsUpdate(stranger))),
    ).toEqual(['elements']);
    const workspace = pair('workspace');
    expect(
      refusedPaths(
        deliver('workspace', workspace.server, workspace.client, () =>
          workspace.client.getMap('elements').set('x', new Y.Map()),
        ),
      ),
    ).toEqual(['elements']);
  });

  it('a plain value or another type where a collection holds records', () => {
    const plain = attempt('map', (client) => client.getMap('elements').set('e-2', 'x'));
    expect(refusedPaths(plain)).toEqual(['elements.e-2']);
    const array = attempt('map', (client) => client.getMap('elements').set('e-3', new Y.Array()));
    expect(refusedPaths(array)).toEqual(['elements.e-3']);
  });

  it('a new record without its required properties, or with a bad id', () => {
    const result = attempt('map', (client) =>
      client.transact(() => {
        const e = new Y.Map<unknown>();
        e.set('x', 1);
        e.set('y', 2);
        client.getMap('elements').set('e-ny', e);
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'elements.e-ny.label', message: 'is required in a new record' }],
    });
    const badId = attempt('map', (client) => client.getMap('elements').set('e ny!', new Y.Map()));
    expect(refusedPaths(badId)).toEqual(['elements.e ny!']);
    const rule = attempt('map', (client) =>
      addElement(client, { label: 'Alder', x: 0, y: 0, ageFrom: 20 }),
    );
    expect(rule.ok).toBe(true);
  });

  it('deleting a required property of a record that stays, but not deleting the record', () => {
    const { server, client } = pair('map');
    const result = deliver('map', server, client, () => element(client).delete('label'));
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'elements.e-fravaer.label', message: 'is required and cannot be deleted' },
      ],
    });
    expect(refusedPaths(attempt('map', (client) => client.getMap('meta').delete('title')))).toEqual(
      ['meta.title'],
    );
    const fresh = pair('map');
    expect(
      deliver('map', fresh.server, fresh.client, () => removeElements(fresh.client, ['e-fravaer']))
        .ok,
    ).toBe(true);
    expect(
      deliver('map', fresh.server, fresh.client, () =>
        element(fresh.client, 'e-frafall').delete('description'),
      ).ok,
    ).toBe(true);
  });

  it('workspace records and settings that break their schema or name unknown records', () => {
    const settings = attempt('workspace', (client) =>
      client.getMap('settings').set('dotsPerParticipant', 'x'),
    );
    expect(refusedPaths(settings)).toEqual(['settings.dotsPerParticipant']);
    const vote = attempt('workspace', (client) =>
      client.transact(() => {
        const v = new Y.Map<unknown>();
        v.set('participantId', 'p-1');
        v.set('targetId', 'fa-finnes-ikke');
        v.set('dots', 1);
        workspaceCollection(client, 'votes').set('p-1:fa-finnes-ikke', v);
      }),
    );
    expect(refusedPaths(vote)).toEqual(['votes.p-1:fa-finnes-ikke.targetId']);
  });

  it('a schema version newer than this release reads, in meta and in settings', () => {
    const newer = attempt('map', (client) => client.getMap('meta').set('schemaVersion', 99));
    expect(refusedPaths(newer)).toEqual(['meta.schemaVersion']);
    const settings = attempt('workspace', (client) =>
      client.getMap('settings').set('schemaVersion', 99),
    );
    expect(refusedPaths(settings)).toEqual(['settings.schemaVersion']);
    expect(attempt('map', (client) => client.getMap('meta').set('schemaVersion', 1)).ok).toBe(true);
  });

  it('an update that builds on content the server does not have', () => {
    const { server, client } = pair('map');
    element(client).set('label', 'Først');
    const vector = Y.encodeStateVector(client);
    element(client).set('label', 'Så');
    // Only the second edit arrives: its item's parent is known only through the first.
    const second = Y.encodeStateAsUpdate(client, vector);
    expect(checkDocumentUpdate('map', server, second)).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        { path: '', message: expect.stringContaining('does not have') },
      ]),
    });
  });

  it('a nested type written into a record the server has deleted', () => {
    // A replica that still holds the deleted record (an undo manager keeps it) would
    // integrate it, so the shape rules hold for deleted records too.
    const { server, client } = pair('map');
    removeElements(server, ['e-fravaer']);
    const result = deliver('map', server, client, () => bomb(element(client)));
    expect(result.ok).toBe(false);
  });

  it('bytes that are not an update, and oversized updates, without throwing', () => {
    const doc = new Y.Doc();
    let state = 0x2545f491;
    const nextByte = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state & 0xff;
    };
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from({ length: 3 + (i % 300) }, nextByte);
      expect(checkDocumentUpdate('map', doc, bytes).ok).toBe(false);
    }
    expect(checkDocumentUpdate('map', doc, new Uint8Array(16 * 1024 * 1024 + 1)).ok).toBe(false);
  });
});

describe('checkDocumentUpdate accepts', () => {
  it('every map write function, and tells empty updates apart', () => {
    const { server, client } = pair('map');
    const edits: Record<string, () => void> = {
      nothing: () => {},
      addElement: () => addElement(client, { label: 'Ny', x: 1, y: 2, tags: ['a'], ageFrom: 3 }),
      updateElement: () => updateElement(client, 'e-fravaer', { label: 'Endret', x: 5, ageTo: 90 }),
      addField: () => addField(client, { name: 'Felt', color: '#123456' }),
      updateField: () => updateField(client, 'felt-hemmere', { name: 'Hindre', height: 300 }),
      addLink: () => addLink(client, { from: 'e-fravaer', to: 'e-frafall', polarity: '-' }),
      updateLink: () => updateLink(client, 'l-2', { polarity: '+', delay: false, label: 'x' }),
      keepLoop: () => {
        const a = addLink(client, { from: 'e-fravaer', to: 'e-frafall' });
        const b = addLink(client, { from: 'e-frafall', to: 'e-fravaer' });
        keepLoop(client, { id: 'k-1', name: 'Sløyfe', linkIds: [a.id, b.id] });
      },
      renameLoop: () => renameLoop(client, 'k-1', 'Nytt navn'),
      narrateLoop: () => narrateLoop(client, 'k-1', 'Fortelling'),
      deleteLoop: () => deleteLoop(client, 'k-1'),
      removeLinks: () => removeLinks(client, ['l-2']),
      removeField: () => removeField(client, 'felt-hemmere'),
      removeElements: () => removeElements(client, ['e-fravaer']),
      setAxis: () => setAxis(client, { ...DEMO_AXIS, label: 'Alder' }),
      setMeta: () => setMeta(client, { title: 'Ny tittel', description: 'Om kartet' }),
      writeMap: () => writeMap(client, createDemoMap()),
    };
    for (const [name, edit] of Object.entries(edits)) {
      const result = deliver('map', server, client, edit);
      expect({ name, result }).toEqual({ name, result: { ok: true, empty: name === 'nothing' } });
    }
  });

  it('every workspace write function', () => {
    const { server, client } = pair('workspace');
    const challenge = { id: 'c-ny' };
    const edits: Record<string, () => void> = {
      addChallenge: () =>
        addWorkspaceRecord(client, 'challenges', { ...challenge, title: 'Utfordring', sdgs: [4] }),
      addFocusArea: () =>
        addWorkspaceRecord(client, 'focusAreas', {
          id: 'fa-ny',
          challengeId: 'c-ny',
          title: 'Fokus',
        }),
      castDots: () => castDots(client, 'p-1', 'fa-ny', 2),
      uncastDots: () => castDots(client, 'p-1', 'fa-ny', 0),
      addInsight: () =>
        addWorkspaceRecord(client, 'insights', {
          id: 'i-ny',
          title: 'Innsikt',
          source: { kind: 'interview', url: 'https://example.org' },
          challengeIds: ['c-ny'],
          evidenceFor: [{ mapId: 'm-1', kind: 'element', id: 'e-1' }],
        }),
      addInnovationArea: () =>
        addWorkspaceRecord(client, 'innovationAreas', {
          id: 'ia-ny',
          title: 'Område',
          insightIds: ['i-ny'],
          scores: { impact: 3, feasibility: null, urgency: 5 },
        }),
      addPortfolio: () =>
        addWorkspaceRecord(client, 'portfolios', { id: 'pf-ny', name: 'P', mainGoals: ['Mål'] }),
      addProjects: () => {
        addWorkspaceRecord(client, 'projects', { id: 'p-a', name: 'A', portfolioId: 'pf-ny' });
        addWorkspaceRecord(client, 'projects', {
          id: 'p-b',
          name: 'B',
          innovationAreaIds: ['ia-ny'],
          relations: [{ kind: 'dependsOn', projectId: 'p-a' }],
          partners: [{ name: 'NAV', sector: 'state' }],
          period: { from: '2024', to: '2025-06' },
        });
      },
      updateProject: () =>
        updateWorkspaceRecord(client, 'projects', 'p-b', { status: 'active', goals: ['G'] }),
      removeProject: () => removeWorkspaceRecord(client, 'projects', 'p-a'),
      removeChallenge: () => removeWorkspaceRecord(client, 'challenges', 'c-ny'),
      setProcessSettings: () => setProcessSettings(client, { dotsPerParticipant: 7 }),
      writeWorkspace: () => writeWorkspace(client, createDemoWorkspaceContent('m-2')),
    };
    for (const [name, edit] of Object.entries(edits)) {
      const result = deliver('workspace', server, client, edit);
      expect({ name, result }).toEqual({ name, result: { ok: true, empty: false } });
    }
  });

  it('an update the document has already (sent again), and a whole-state update', () => {
    const { server, client } = pair('map');
    addElement(client, { label: 'To ganger', x: 0, y: 0 });
    const update = Y.encodeStateAsUpdate(client);
    expect(checkDocumentUpdate('map', server, update).ok).toBe(true);
    Y.applyUpdate(server, update);
    expect(checkDocumentUpdate('map', server, update).ok).toBe(true);
  });
});

// --- Property tests: concurrent valid edits are accepted, corruptions refused -----------

type Op =
  | { type: 'add'; replica: number; label: string; x: number }
  | { type: 'move'; replica: number; pick: number; x: number }
  | { type: 'rename'; replica: number; pick: number; label: string }
  | { type: 'ages'; replica: number; pick: number; from: number }
  | { type: 'remove'; replica: number; pick: number }
  | { type: 'link'; replica: number; from: number; to: number }
  | { type: 'unlink'; replica: number; pick: number }
  | { type: 'field'; replica: number; name: string }
  | { type: 'unfield'; replica: number; pick: number }
  | { type: 'meta'; replica: number; label: string }
  | { type: 'sync'; from: number; to: number };

const replica = fc.integer({ min: 0, max: 2 });
const pick = fc.nat({ max: 1000 });
const label = fc.string({ minLength: 1, maxLength: 12 });
const coord = fc.integer({ min: -5000, max: 5000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('add' as const), replica, label, x: coord }),
  fc.record({ type: fc.constant('move' as const), replica, pick, x: coord }),
  fc.record({ type: fc.constant('rename' as const), replica, pick, label }),
  fc.record({ type: fc.constant('ages' as const), replica, pick, from: fc.nat({ max: 100 }) }),
  fc.record({ type: fc.constant('remove' as const), replica, pick }),
  fc.record({ type: fc.constant('link' as const), replica, from: pick, to: pick }),
  fc.record({ type: fc.constant('unlink' as const), replica, pick }),
  fc.record({ type: fc.constant('field' as const), replica, name: label }),
  fc.record({ type: fc.constant('unfield' as const), replica, pick }),
  fc.record({ type: fc.constant('meta' as const), replica, label }),
  fc.record({ type: fc.constant('sync' as const), from: replica, to: replica }),
);

const keysOf = (doc: Y.Doc, name: string) => [...doc.getMap(name).keys()].sort();

/** Runs one model operation on its replica (a sync is checked by the receiver). */
function run(docs: Y.Doc[], o: Op): void {
  if (o.type === 'sync') {
    if (o.from === o.to) return;
    const update = Y.encodeStateAsUpdate(docs[o.from]!, Y.encodeStateVector(docs[o.to]!));
    expect(checkDocumentUpdate('map', docs[o.to]!, update)).toEqual({
      ok: true,
      empty: expect.any(Boolean),
    });
    Y.applyUpdate(docs[o.to]!, update);
    return;
  }
  const doc = docs[o.replica]!;
  const elements = keysOf(doc, 'elements');
  const el = (n: number) => elements[n % Math.max(1, elements.length)];
  const links = keysOf(doc, 'links');
  const fields = keysOf(doc, 'fields');
  switch (o.type) {
    case 'add':
      addElement(doc, { label: o.label, x: o.x, y: 0 });
      break;
    case 'move':
      if (el(o.pick)) updateElement(doc, el(o.pick)!, { x: o.x });
      break;
    case 'rename':
      if (el(o.pick)) updateElement(doc, el(o.pick)!, { label: o.label });
      break;
    case 'ages':
      if (el(o.pick)) updateElement(doc, el(o.pick)!, { ageFrom: o.from, ageTo: null });
      break;
    case 'remove':
      if (el(o.pick)) removeElements(doc, [el(o.pick)!]);
      break;
    case 'link':
      if (el(o.from) && el(o.to)) addLink(doc, { from: el(o.from)!, to: el(o.to)! });
      break;
    case 'unlink':
      if (links.length) removeLinks(doc, [links[o.pick % links.length]!]);
      break;
    case 'field':
      addField(doc, { name: o.name, color: '#336699' });
      break;
    case 'unfield':
      if (fields.length) removeField(doc, fields[o.pick % fields.length]!);
      break;
    case 'meta':
      setMeta(doc, { title: o.label });
      break;
  }
}

function replicas(): Y.Doc[] {
  const origin = new Y.Doc();
  writeMap(origin, createDemoMap());
  const base = Y.encodeStateAsUpdate(origin);
  return [0, 1, 2].map(() => {
    const d = new Y.Doc();
    Y.applyUpdate(d, base);
    return d;
  });
}

/** Ways a hostile client can corrupt a record: a key and what it writes there. */
interface Corruption {
  key: string;
  make: () => unknown;
  /** A plain value: it may by chance be valid, and Yjs discards it in a collected record. */
  plain: boolean;
}
const shared = (key: string, make: () => unknown): Corruption => ({ key, make, plain: false });
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  fc.constantFrom(
    shared('x', () => new Y.Map()),
    shared('tags', () => new Y.Array()),
    shared('label', () => new Y.Text('t')),
    shared('kind', () => new Y.XmlFragment()),
    shared('description', () => new Uint8Array([1])),
  ),
  fc
    .record({
      key: fc.constantFrom('x', 'y', 'label', 'kind', 'tags', 'example', 'ageFrom', 'fieldId'),
      value: fc.oneof(
        fc.string(),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.integer()),
        fc.dictionary(fc.string(), fc.string()).map((d) => ({ ...d })),
      ),
    })
    .map(({ key, value }) => ({ key, make: () => value, plain: true })),
  fc
    .string({ minLength: 1, maxLength: 8 })
    .map((key) => ({ key: `_${key}`, make: () => 1, plain: true })),
);

/** True when `value` is a valid value of element property `key` (so not a corruption). */
function validElementValue(key: string, value: unknown): boolean {
  const schema = (MapElement.shape as Record<string, z.ZodType>)[key];
  return schema !== undefined && schema.safeParse(value).success;
}

describe('checkDocumentUpdate under concurrent edits', () => {
  it('accepts every update of random valid edits by three replicas, synced in any order', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 50 }), (ops) => {
        const docs = replicas();
        // Each replica's own transactions, as a provider sends them, are checked by the others
        // when they sync; here each transaction is also checked against the replica before it.
        for (const o of ops) {
          if (o.type !== 'sync') {
            const doc = docs[o.replica]!;
            const before = new Y.Doc();
            Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
            const vector = Y.encodeStateVector(doc);
            run(docs, o);
            const update = Y.encodeStateAsUpdate(doc, vector);
            expect(checkDocumentUpdate('map', before, update).ok).toBe(true);
          } else run(docs, o);
        }
        // Everyone gets everything, each replica in a different order.
        for (let i = 0; i < 3; i++)
          for (let k = 1; k < 3; k++) run(docs, { type: 'sync', from: (i + k) % 3, to: i });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a random corruption made on top of random concurrent edits', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 30 }),
        replica,
        pick,
        corruption,
        (ops, who, target, corrupt) => {
          const docs = replicas();
          for (const o of ops) run(docs, o);
          const doc = docs[who]!;
          const elements = keysOf(doc, 'elements');
          const id = elements[target % Math.max(1, elements.length)];
          if (!id) return;
          const record = doc.getMap<Y.Map<unknown>>('elements').get(id)!;
          const receiver = docs[(who + 1) % 3]!;
          Y.applyUpdate(receiver, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(receiver)));
          const value = corrupt.make();
          if (corrupt.plain && validElementValue(corrupt.key, value)) return;
          const vector = Y.encodeStateVector(doc);
          record.set(corrupt.key, value);
          const result = checkDocumentUpdate('map', receiver, Y.encodeStateAsUpdate(doc, vector));
          // A plain value written into a record the receiver has deleted and collected is
          // discarded by Yjs; a shared type is refused even there.
          if (corrupt.plain && !receiver.getMap('elements').has(id)) {
            expect(result.ok).toBe(true);
            return;
          }
          expect(result).toEqual({
            ok: false,
            problems: expect.arrayContaining([
              expect.objectContaining({
                // Into a collected record the key is not known (its items are gone).
                path: receiver.getMap('elements').has(id)
                  ? expect.stringMatching(
                      `^elements\\.${escape(id)}\\.${escape(corrupt.key)}(\\[|$)`,
                    )
                  : expect.any(String),
              }),
            ]),
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// --- The same for a workspace's process document -------------------------------------------

type WorkspaceOp =
  | { type: 'challenge'; replica: number; title: string }
  | { type: 'focusArea'; replica: number; pick: number; title: string }
  | { type: 'vote'; replica: number; pick: number; participant: number; dots: number }
  | { type: 'project'; replica: number; pick: number; name: string }
  | { type: 'rename'; replica: number; pick: number; name: string }
  | { type: 'removeChallenge'; replica: number; pick: number }
  | { type: 'removeProject'; replica: number; pick: number }
  | { type: 'settings'; replica: number; dots: number }
  | { type: 'sync'; from: number; to: number };

const title = fc.string({ minLength: 1, maxLength: 12 }).filter((t) => t.trim().length > 0);
const workspaceOp: fc.Arbitrary<WorkspaceOp> = fc.oneof(
  fc.record({ type: fc.constant('challenge' as const), replica, title }),
  fc.record({ type: fc.constant('focusArea' as const), replica, pick, title }),
  fc.record({
    type: fc.constant('vote' as const),
    replica,
    pick,
    participant: fc.nat({ max: 2 }),
    dots: fc.nat({ max: 3 }),
  }),
  fc.record({ type: fc.constant('project' as const), replica, pick, name: title }),
  fc.record({ type: fc.constant('rename' as const), replica, pick, name: title }),
  fc.record({ type: fc.constant('removeChallenge' as const), replica, pick }),
  fc.record({ type: fc.constant('removeProject' as const), replica, pick }),
  fc.record({
    type: fc.constant('settings' as const),
    replica,
    dots: fc.integer({ min: 5, max: 9 }),
  }),
  fc.record({ type: fc.constant('sync' as const), from: replica, to: replica }),
);

function runWorkspace(docs: Y.Doc[], o: WorkspaceOp): void {
  if (o.type === 'sync') {
    if (o.from === o.to) return;
    const update = Y.encodeStateAsUpdate(docs[o.from]!, Y.encodeStateVector(docs[o.to]!));
    expect(checkDocumentUpdate('workspace', docs[o.to]!, update).ok).toBe(true);
    Y.applyUpdate(docs[o.to]!, update);
    return;
  }
  const doc = docs[o.replica]!;
  const ids = (name: 'challenges' | 'focusAreas' | 'projects') =>
    [...workspaceCollection(doc, name).keys()].sort();
  const some = (list: string[], n: number) => list[n % Math.max(1, list.length)];
  switch (o.type) {
    case 'challenge':
      addWorkspaceRecord(doc, 'challenges', { title: o.title });
      break;
    case 'focusArea': {
      const challenge = some(ids('challenges'), o.pick);
      if (challenge)
        addWorkspaceRecord(doc, 'focusAreas', { challengeId: challenge, title: o.title });
      break;
    }
    case 'vote': {
      const target = some(ids('focusAreas'), o.pick);
      // castDots throws when the participant has no dots left: that edit is not made.
      if (target)
        try {
          castDots(doc, `p-${o.participant}`, target, o.dots);
        } catch {
          /* refused by the model, nothing written */
        }
      break;
    }
    case 'project': {
      const other = some(ids('projects'), o.pick);
      addWorkspaceRecord(doc, 'projects', {
        name: o.name,
        relations: other ? [{ kind: 'reinforces', projectId: other }] : [],
      });
      break;
    }
    case 'rename': {
      const id = some(ids('challenges'), o.pick);
      if (id) updateWorkspaceRecord(doc, 'challenges', id, { title: o.name });
      break;
    }
    case 'removeChallenge': {
      const id = some(ids('challenges'), o.pick);
      if (id) removeWorkspaceRecord(doc, 'challenges', id);
      break;
    }
    case 'removeProject': {
      const id = some(ids('projects'), o.pick);
      if (id) removeWorkspaceRecord(doc, 'projects', id);
      break;
    }
    case 'settings':
      setProcessSettings(doc, { dotsPerParticipant: o.dots });
      break;
  }
}

describe('checkDocumentUpdate on workspace documents under concurrent edits', () => {
  it('accepts every update of random valid edits by three replicas, synced in any order', () => {
    fc.assert(
      fc.property(fc.array(workspaceOp, { minLength: 1, maxLength: 40 }), (ops) => {
        const origin = new Y.Doc();
        writeWorkspace(origin, createDemoWorkspaceContent('m-1'));
        const base = Y.encodeStateAsUpdate(origin);
        const docs = [0, 1, 2].map(() => {
          const d = new Y.Doc();
          Y.applyUpdate(d, base);
          return d;
        });
        for (const o of ops) {
          if (o.type === 'sync') {
            runWorkspace(docs, o);
            continue;
          }
          const doc = docs[o.replica]!;
          const before = new Y.Doc();
          Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
          const vector = Y.encodeStateVector(doc);
          runWorkspace(docs, o);
          const update = Y.encodeStateAsUpdate(doc, vector);
          expect(checkDocumentUpdate('workspace', before, update).ok).toBe(true);
        }
        for (let i = 0; i < 3; i++)
          for (let k = 1; k < 3; k++)
            runWorkspace(docs, { type: 'sync', from: (i + k) % 3, to: i });
      }),
      { numRuns: 100 },
    );
  });
});
