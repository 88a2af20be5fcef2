/**
 * The collaborative map document: one `Y.Doc` per map with top-level `Y.Map`s
 * `meta`, `axis`, `fields`, `elements`, `links`, `loops`, `views` and `presentations` (contract: docs/map-document.md).
 *
 * Records are stored as nested `Y.Map`s keyed by property, so two people editing different
 * properties of the same element (one moves it, one renames it) both keep their change.
 * Every mutation runs in one transaction with an `origin`, which is what undo managers
 * track and what attributes a change to its author.
 */
import * as Y from 'yjs';
import {
  LifeLineAxis,
  MapMeta,
  type Field,
  type MapElement,
  type MapLink,
  type MapSnapshot,
  type MapView,
  type Presentation,
} from './schema.ts';
import { formatPath, ModelInputError, parseModelInput } from '../validation.ts';
import { setChangedKeys } from '../records/values.ts';
import type { RecordMap } from '../records/collection.ts';
import {
  elementCollection,
  fieldCollection,
  keptLoopCollection,
  linkCollection,
  presentationCollection,
  viewCollection,
} from './collections.ts';
import { DEFAULT_META } from './read.ts';
import { stampDocumentVersion } from '../records/migrations.ts';
import { MAP_DOCUMENT_SCHEMA } from './migrations.ts';

export {
  readMap,
  createMapReader,
  type BrokenReference,
  type ReadMapResult,
  type MapReader,
} from './read.ts';
export type { RecordMap } from '../records/collection.ts';

/**
 * Names of the top-level shared types of a map document. `facilitation` (the facilitator's
 * lock and timer, `facilitation.ts`) is workshop state, not map content: exports leave it out.
 */
export const MAP_DOC_KEYS = [
  'meta',
  'axis',
  'fields',
  'elements',
  'links',
  'loops',
  'facilitation',
  'views',
  'presentations',
] as const;

/** The top-level shared types of a map document. */
export interface MapDocParts {
  meta: Y.Map<unknown>;
  axis: Y.Map<unknown>;
  fields: Y.Map<RecordMap>;
  elements: Y.Map<RecordMap>;
  links: Y.Map<RecordMap>;
  loops: Y.Map<RecordMap>;
  views: Y.Map<RecordMap>;
  presentations: Y.Map<RecordMap>;
}

/** The shared types of `doc` (created on first access, as Yjs does). */
export function mapDocParts(doc: Y.Doc): MapDocParts {
  return {
    meta: doc.getMap('meta'),
    axis: doc.getMap('axis'),
    fields: doc.getMap('fields'),
    elements: doc.getMap('elements'),
    links: doc.getMap('links'),
    loops: doc.getMap('loops'),
    views: doc.getMap('views'),
    presentations: doc.getMap('presentations'),
  };
}

/**
 * Replaces the whole content of `doc` with `map` in one transaction. Records in `map.invalid`
 * are stored exactly as they were (an export keeps them; an import restores them), a kept
 * `meta` or `axis` in place of the default the map was read with.
 */
export function writeMap(doc: Y.Doc, map: MapSnapshot, origin: unknown = null): void {
  const parts = mapDocParts(doc);
  doc.transact(() => {
    const invalid = map.invalid ?? [];
    for (const name of ['meta', 'axis'] as const) {
      // A `meta` or `axis` kept as stored (see read.ts) is restored as it was, not the default.
      const kept = invalid.find((r) => r.collection === name && r.id === name)?.raw;
      const value = isPlainObject(kept) ? kept : map[name];
      parts[name].clear();
      for (const [k, v] of Object.entries(value)) parts[name].set(k, v);
    }
    stampDocumentVersion(doc, MAP_DOCUMENT_SCHEMA);
    fieldCollection.replace(doc, map.fields, invalid);
    elementCollection.replace(doc, map.elements, invalid);
    linkCollection.replace(doc, map.links, invalid);
    keptLoopCollection.replace(doc, map.loops, invalid);
    viewCollection.replace(doc, map.views, invalid);
    presentationCollection.replace(doc, map.presentations, invalid);
  }, origin);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Input for a new element: everything but the id is optional except label and position. */
export type NewElement = Partial<MapElement> & Pick<MapElement, 'label' | 'x' | 'y'>;
/** Input for a new link. */
export type NewLink = Partial<MapLink> & Pick<MapLink, 'from' | 'to'>;

/** Adds an element (validated) and returns it. Throws a ModelInputError on invalid input. */
export function addElement(doc: Y.Doc, input: NewElement, origin: unknown = null): MapElement {
  return elementCollection.add(doc, input, origin);
}

/** Changes properties of an element; returns false when it does not exist. Validates the result. */
export function updateElement(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<MapElement, 'id'>>,
  origin: unknown = null,
): boolean {
  return elementCollection.patch(doc, id, patch, origin) !== undefined;
}

/**
 * Moves elements by (`dx`, `dy`) from where the document has them now, in one transaction;
 * returns the new positions of those that exist. Relative to the document and not to a
 * snapshot of it, so key presses faster than a view redraws each count.
 */
export function moveElementsBy(
  doc: Y.Doc,
  ids: Iterable<string>,
  dx: number,
  dy: number,
  origin: unknown = null,
): Map<string, { x: number; y: number }> {
  const moved = new Map<string, { x: number; y: number }>();
  const elements = mapDocParts(doc).elements;
  doc.transact(() => {
    for (const id of ids) {
      const record = elements.get(id);
      const x = record?.get('x');
      const y = record?.get('y');
      if (typeof x !== 'number' || typeof y !== 'number') continue;
      const to = { x: x + dx, y: y + dy };
      if (updateElement(doc, id, to, origin)) moved.set(id, to);
    }
  }, origin);
  return moved;
}

/** Deletes elements and every link that touches them, in one transaction (one undo step). */
export function removeElements(doc: Y.Doc, ids: Iterable<string>, origin: unknown = null): void {
  const gone = new Set(ids);
  const parts = mapDocParts(doc);
  doc.transact(() => {
    for (const id of gone) parts.elements.delete(id);
    for (const [linkId, link] of [...parts.links.entries()]) {
      if (!(link instanceof Y.Map)) continue;
      if (gone.has(String(link.get('from'))) || gone.has(String(link.get('to'))))
        parts.links.delete(linkId);
    }
  }, origin);
}

/** Adds a link between two existing elements. Throws when an end is missing or input is invalid. */
export function addLink(doc: Y.Doc, input: NewLink, origin: unknown = null): MapLink {
  const elements = mapDocParts(doc).elements;
  const problems = (['from', 'to'] as const)
    .filter((end) => typeof input[end] === 'string' && !elements.has(input[end]))
    .map((end) => ({ path: end, message: `unknown element "${input[end]}"` }));
  if (problems.length > 0) throw new ModelInputError(problems);
  return linkCollection.add(doc, input, origin);
}

/** Changes properties of a link; returns false when it does not exist. */
export function updateLink(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<MapLink, 'id' | 'from' | 'to'>>,
  origin: unknown = null,
): boolean {
  return linkCollection.patch(doc, id, patch, origin) !== undefined;
}

/** Deletes links. */
export function removeLinks(doc: Y.Doc, ids: Iterable<string>, origin: unknown = null): void {
  const parts = mapDocParts(doc);
  doc.transact(() => {
    for (const id of ids) parts.links.delete(id);
  }, origin);
}

/** Adds a field (a band of the map). */
export function addField(
  doc: Y.Doc,
  input: Partial<Field> & Pick<Field, 'name' | 'color'>,
  origin: unknown = null,
): Field {
  const parts = mapDocParts(doc);
  const orders = [...parts.fields.values()].map((f) => (f instanceof Y.Map ? f.get('order') : 0));
  const maxOrder = Math.max(-1, ...orders.filter((o): o is number => Number.isInteger(o)));
  return fieldCollection.add(doc, { order: maxOrder + 1, height: 600, ...input }, origin);
}

/** Changes a field (rename, recolour, resize, reorder). */
export function updateField(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<Field, 'id'>>,
  origin: unknown = null,
): boolean {
  return fieldCollection.patch(doc, id, patch, origin) !== undefined;
}

/** Deletes a field; its elements stay on the map with no field (nothing the group made is lost). */
export function removeField(doc: Y.Doc, id: string, origin: unknown = null): void {
  const parts = mapDocParts(doc);
  doc.transact(() => {
    parts.fields.delete(id);
    for (const element of parts.elements.values()) {
      if (element instanceof Y.Map && element.get('fieldId') === id) element.set('fieldId', null);
    }
  }, origin);
}

/**
 * Replaces the life-line axis (validated). Only properties whose value differs are written,
 * so a label edit concurrent with a segment edit keeps both.
 */
export function setAxis(doc: Y.Doc, axis: LifeLineAxis, origin: unknown = null): void {
  const valid = parseModelInput(LifeLineAxis, axis);
  const parts = mapDocParts(doc);
  doc.transact(() => setChangedKeys(parts.axis, valid), origin);
}

/**
 * Changes map metadata (title, description). Only properties whose value differs are
 * written, so a title edit concurrent with a description edit keeps both.
 */
export function setMeta(doc: Y.Doc, patch: Partial<MapMeta>, origin: unknown = null): void {
  const parts = mapDocParts(doc);
  const next = parseModelInput(MapMeta, { ...DEFAULT_META, ...parts.meta.toJSON(), ...patch });
  doc.transact(() => setChangedKeys(parts.meta, next), origin);
}

/** Input for a new saved view: a name, every criterion optional. */
export type NewView = Partial<MapView> & Pick<MapView, 'name'>;

/** Saves a view (validated) and returns it. Throws a ModelInputError on invalid input. */
export function addView(doc: Y.Doc, input: NewView, origin: unknown = null): MapView {
  return viewCollection.add(doc, input, origin);
}

/** Changes properties of a saved view; false when it does not exist. Validates the result. */
export function updateView(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<MapView, 'id'>>,
  origin: unknown = null,
): boolean {
  return viewCollection.patch(doc, id, patch, origin) !== undefined;
}

/**
 * Deletes a saved view and the presentation steps that show it, in one transaction (one
 * undo step): a step without its view would have nothing to show.
 */
export function removeView(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  let removed = false;
  doc.transact(() => {
    removed = viewCollection.remove(doc, id, origin);
    if (!removed) return;
    for (const presentation of presentationCollection.read(doc).records) {
      const steps = presentation.steps.filter((s) => s.viewId !== id);
      if (steps.length !== presentation.steps.length)
        presentationCollection.patch(doc, presentation.id, { steps }, origin);
    }
  }, origin);
  return removed;
}

/** Input for a new presentation. */
export type NewPresentation = Partial<Presentation> & Pick<Presentation, 'name'>;

/**
 * Adds a presentation (validated). Every step must show a saved view of this map: throws a
 * ModelInputError naming the step otherwise.
 */
export function addPresentation(
  doc: Y.Doc,
  input: NewPresentation,
  origin: unknown = null,
): Presentation {
  refuseUnknownViews(doc, input.steps);
  return presentationCollection.add(doc, input, origin);
}

/** Changes a presentation (rename, steps); false when it does not exist. */
export function updatePresentation(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<Presentation, 'id'>>,
  origin: unknown = null,
): boolean {
  refuseUnknownViews(doc, patch.steps);
  return presentationCollection.patch(doc, id, patch, origin) !== undefined;
}

/** Deletes a presentation (its views stay); false when it did not exist. */
export function removePresentation(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  return presentationCollection.remove(doc, id, origin);
}

function refuseUnknownViews(doc: Y.Doc, steps: unknown): void {
  if (!Array.isArray(steps)) return;
  const views = viewCollection.map(doc);
  const problems = steps.flatMap((step: unknown, i) => {
    const viewId = (step as { viewId?: unknown } | null)?.viewId;
    return typeof viewId === 'string' && !views.has(viewId)
      ? [{ path: formatPath(['steps', i, 'viewId']), message: `unknown view "${viewId}"` }]
      : [];
  });
  if (problems.length > 0) throw new ModelInputError(problems);
}
