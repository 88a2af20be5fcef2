import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { compareIds, compareNames } from './ids.ts';
import { addElement, addField, readMap } from './map/ydoc.ts';
import { fieldBands } from './map/lifeline.ts';
import { keepLoop, readKeptLoops } from './analysis/kept-loops.ts';
import { addLink } from './map/ydoc.ts';

/** Ids on which code-unit order and every common collation (en, nb) disagree. */
const IDS = ['z', 'aa', 'Z', 'a', 'b-1', 'B_2', '0'];
/** The same ids in UTF-16 code-unit order, written out rather than computed. */
const CODE_UNIT_ORDER = ['0', 'B_2', 'Z', 'a', 'aa', 'b-1', 'z'];

/** Sign of the comparison of two strings code unit by code unit. */
function codeUnitSign(a: string, b: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return Math.sign(d);
  }
  return Math.sign(a.length - b.length);
}

describe('compareIds', () => {
  it('orders by code unit, where a Norwegian collator would not', () => {
    expect([...IDS].sort(compareIds)).toEqual(CODE_UNIT_ORDER);
    // The data matters: in nb "aa" is "å" and sorts after "z"; in en "a" sorts before "Z".
    expect(new Intl.Collator('nb').compare('aa', 'z')).toBeGreaterThan(0);
    expect(new Intl.Collator('en').compare('a', 'Z')).toBeLessThan(0);
    expect(compareIds('aa', 'z')).toBeLessThan(0);
    expect(compareIds('Z', 'a')).toBeLessThan(0);
    expect(compareIds('å', 'z')).toBeGreaterThan(0);
  });

  it('agrees with comparing code units for any strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareIds(a, b))).toBe(codeUnitSign(a, b));
      }),
    );
  });
});

describe('id order in reads and analysis', () => {
  it('readMap lists records in code-unit order of their ids', () => {
    const doc = new Y.Doc();
    for (const id of IDS) addElement(doc, { id, label: id, x: 0, y: 0 });
    expect(readMap(doc).map.elements.map((e) => e.id)).toEqual(CODE_UNIT_ORDER);
  });

  it('fields with the same order stack by code-unit order of their ids', () => {
    const doc = new Y.Doc();
    for (const id of IDS) addField(doc, { id, name: id, color: '#123456', order: 0 });
    const { fields } = readMap(doc).map;
    expect(fields.map((f) => f.id)).toEqual(CODE_UNIT_ORDER);
    expect(fieldBands([...fields].reverse()).map((b) => b.field.id)).toEqual(CODE_UNIT_ORDER);
  });

  it('kept loops with the same name are listed by code-unit order of their ids', () => {
    const doc = new Y.Doc();
    addElement(doc, { id: 'x', label: 'x', x: 0, y: 0 });
    addElement(doc, { id: 'y', label: 'y', x: 0, y: 0 });
    addLink(doc, { id: 'l1', from: 'x', to: 'y' });
    addLink(doc, { id: 'l2', from: 'y', to: 'x' });
    for (const id of IDS) keepLoop(doc, { id, name: 'Sirkel', linkIds: ['l1', 'l2'] });
    expect(readKeptLoops(doc).map((l) => l.id)).toEqual(CODE_UNIT_ORDER);
  });
});

describe('compareNames', () => {
  it('puts names in Norwegian alphabetical order: æ, ø, å after z, case and accents second', () => {
    const names = ['Å', 'ø', 'Zebra', 'æ', 'aa-vei', 'Bil', 'eple', 'Éple', 'ape'];
    expect([...names].sort(compareNames)).toEqual([
      'ape',
      'Bil',
      'eple',
      'Éple',
      'Zebra',
      'æ',
      'ø',
      'Å',
      'aa-vei',
    ]);
  });

  it('agrees with the nb collation of localeCompare on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(Math.sign(compareNames(a, b))).toBe(Math.sign(a.localeCompare(b, 'nb')));
      }),
    );
  });
});
