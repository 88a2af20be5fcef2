/**
 * The facilitator's controls of a map: only a facilitator (or owner) may change the lock and
 * the timer, and while a lock holds, the checker refuses everyone else's changes to the
 * locked content, judged against the lock the server's document holds now.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDocumentUpdate } from './check-update.ts';
import { FIELD_LOCKED, MAP_LOCKED, NOT_A_FACILITATOR } from './check-locks.ts';
import {
  addElement,
  addLink,
  removeElements,
  removeField,
  removeLinks,
  setMeta,
  updateElement,
  updateField,
  updateLink,
  writeMap,
} from '../map/ydoc.ts';
import { setFacilitation, setFieldLocked } from '../map/facilitation.ts';
import { createDemoMap } from '../map/demo.ts';
import type { MapSnapshot } from '../map/schema.ts';

/** Fields `open` and `shut`; elements `o1`, `o2` in open, `s1` in shut; links o1→s1, o1→o2. */
function smallMap(): MapSnapshot {
  const demo = createDemoMap();
  const [open, shut] = demo.fields;
  const element = (id: string, fieldId: string) => ({
    ...demo.elements[0]!,
    id,
    label: id,
    fieldId,
  });
  return {
    ...demo,
    fields: [
      { ...open!, id: 'open' },
      { ...shut!, id: 'shut' },
    ],
    elements: [element('o1', 'open'), element('o2', 'open'), element('s1', 'shut')],
    links: [
      { ...demo.links[0]!, id: 'l-cross', from: 'o1', to: 's1' },
      { ...demo.links[0]!, id: 'l-open', from: 'o1', to: 'o2' },
    ],
    loops: [],
  };
}

/**
 * A server replica (with `lock` applied by a facilitator) and a client synced from it. The
 * replica only ever receives updates, as the server's does: its top-level types are then bare
 * shared types until someone asks for them as maps, and the lock must be read all the same.
 */
function pair(lock: (doc: Y.Doc) => void = () => {}): { server: Y.Doc; client: Y.Doc } {
  const facilitator = new Y.Doc();
  writeMap(facilitator, smallMap());
  lock(facilitator);
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(facilitator));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

function check(
  { server, client }: { server: Y.Doc; client: Y.Doc },
  facilitator: boolean,
  edit: (doc: Y.Doc) => void,
) {
  const before = Y.encodeStateVector(server);
  edit(client);
  return checkDocumentUpdate('map', server, Y.encodeStateAsUpdate(client, before), {
    facilitator,
  });
}

const problems = (result: ReturnType<typeof checkDocumentUpdate>) =>
  result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);

const lockMap = (doc: Y.Doc) => setFacilitation(doc, { mapLock: { by: 'Fasilitator' } });
const lockShut = (doc: Y.Doc) => setFieldLocked(doc, 'shut', true);
const TIMER = { label: 'Idémyldring', durationMs: 300_000, endsAt: 1_000_000, remainingMs: null };

describe('the facilitator controls', () => {
  it('lets a facilitator lock, unlock and set a timer', () => {
    expect(check(pair(), true, lockMap).ok).toBe(true);
    expect(check(pair(), true, lockShut).ok).toBe(true);
    expect(check(pair(), true, (d) => setFacilitation(d, { timer: TIMER })).ok).toBe(true);
    expect(check(pair(lockMap), true, (d) => setFacilitation(d, { mapLock: null })).ok).toBe(true);
  });

  it('refuses the lock and the timer from anyone below facilitator', () => {
    const refused = [`facilitation: ${NOT_A_FACILITATOR}`];
    expect(problems(check(pair(), false, lockMap))).toEqual(refused);
    expect(problems(check(pair(), false, lockShut))).toEqual(refused);
    expect(problems(check(pair(), false, (d) => setFacilitation(d, { timer: TIMER })))).toEqual(
      refused,
    );
    // Unlocking is a change of the lock too (and the map stays locked meanwhile).
    const unlock = problems(
      check(pair(lockMap), false, (d) => setFacilitation(d, { mapLock: null })),
    );
    expect(unlock).toContain(`facilitation: ${NOT_A_FACILITATOR}`);
    // Deleting the whole value is no way round.
    const remove = (d: Y.Doc) => d.getMap('facilitation').delete('mapLock');
    expect(problems(check(pair(lockMap), false, remove))).toContain(
      `facilitation: ${NOT_A_FACILITATOR}`,
    );
  });

  it('refuses a timer value the schema does not accept, even from a facilitator', () => {
    const bad = (d: Y.Doc) =>
      d.getMap('facilitation').set('timer', { ...TIMER, remainingMs: 5000 });
    expect(check(pair(), true, bad).ok).toBe(false);
  });
});

describe('a locked map', () => {
  it("refuses an editor's change to any content while locked, and takes it once unlocked", () => {
    const rename = (d: Y.Doc) => setMeta(d, { title: 'Nytt navn' });
    expect(problems(check(pair(lockMap), false, rename))).toEqual([`meta: ${MAP_LOCKED}`]);
    const move = (d: Y.Doc) => updateElement(d, 'o1', { x: 5 });
    expect(problems(check(pair(lockMap), false, move))).toEqual([`elements.o1: ${MAP_LOCKED}`]);
    const add = (d: Y.Doc) => addElement(d, { id: 'new', label: 'Ny', x: 0, y: 0 });
    expect(check(pair(lockMap), false, add).ok).toBe(false);
    expect(check(pair(lockMap), false, (d) => removeLinks(d, ['l-open'])).ok).toBe(false);
    expect(check(pair(), false, move).ok).toBe(true);
    expect(check(pair(), false, rename).ok).toBe(true);
  });

  it("takes the facilitator's own changes while locked", () => {
    expect(check(pair(lockMap), true, (d) => updateElement(d, 'o1', { x: 5 })).ok).toBe(true);
  });
});

describe('a locked field', () => {
  const refusedAt = (path: string) => [`${path}: ${FIELD_LOCKED}`];

  it('refuses editing, moving and deleting its elements', () => {
    const edit = (d: Y.Doc) => updateElement(d, 's1', { label: 'Endret' });
    expect(problems(check(pair(lockShut), false, edit))).toEqual(refusedAt('elements.s1'));
    const out = (d: Y.Doc) => updateElement(d, 's1', { fieldId: 'open' });
    expect(problems(check(pair(lockShut), false, out))).toEqual(refusedAt('elements.s1'));
    const remove = (d: Y.Doc) => removeElements(d, ['s1']);
    expect(problems(check(pair(lockShut), false, remove))).toContain(
      `elements.s1: ${FIELD_LOCKED}`,
    );
  });

  it('refuses a new element in it and moving one into it', () => {
    const add = (d: Y.Doc) =>
      addElement(d, { id: 'new', label: 'Ny', x: 0, y: 0, fieldId: 'shut' });
    expect(problems(check(pair(lockShut), false, add))).toEqual(refusedAt('elements.new'));
    const into = (d: Y.Doc) => updateElement(d, 'o2', { fieldId: 'shut' });
    expect(problems(check(pair(lockShut), false, into))).toEqual(refusedAt('elements.o2'));
  });

  it('refuses changing the field itself', () => {
    const rename = (d: Y.Doc) => updateField(d, 'shut', { name: 'Nytt' });
    expect(problems(check(pair(lockShut), false, rename))).toEqual(refusedAt('fields.shut'));
    expect(check(pair(lockShut), false, (d) => removeField(d, 'shut')).ok).toBe(false);
  });

  it('refuses links with an end in it: new, changed or deleted', () => {
    const link = (d: Y.Doc) => addLink(d, { id: 'l-new', from: 'o2', to: 's1' });
    expect(problems(check(pair(lockShut), false, link))).toEqual(refusedAt('links.l-new'));
    const change = (d: Y.Doc) => updateLink(d, 'l-cross', { polarity: '-' });
    expect(problems(check(pair(lockShut), false, change))).toEqual(refusedAt('links.l-cross'));
    const remove = (d: Y.Doc) => removeLinks(d, ['l-cross']);
    expect(problems(check(pair(lockShut), false, remove))).toEqual(refusedAt('links.l-cross'));
  });

  it('leaves the rest of the map open', () => {
    expect(check(pair(lockShut), false, (d) => updateElement(d, 'o1', { x: 9 })).ok).toBe(true);
    expect(check(pair(lockShut), false, (d) => updateLink(d, 'l-open', { delay: true })).ok).toBe(
      true,
    );
    expect(check(pair(lockShut), false, (d) => updateField(d, 'open', { name: 'X' })).ok).toBe(
      true,
    );
    const add = (d: Y.Doc) =>
      addElement(d, { id: 'new', label: 'Ny', x: 0, y: 0, fieldId: 'open' });
    expect(check(pair(lockShut), false, add).ok).toBe(true);
    expect(check(pair(lockShut), true, (d) => updateElement(d, 's1', { x: 9 })).ok).toBe(true);
  });
});
