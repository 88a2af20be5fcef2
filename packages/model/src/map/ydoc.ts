/**
 * The collaborative map document: one `Y.Doc` per map with top-level `Y.Map`s
 * `meta`, `axis`, `fields`, `elements`, `links` and `loops` (contract: docs/map-document.md).
 *
 * Records are stored as nested `Y.Map`s keyed by property, so two people editing different
 * properties of the same element (one moves it, one renames it) both keep their change.
 * Every mutation runs in one transaction with an `origin`, which is what undo managers
 * track and what attributes a change to its author.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import {
  Field,
  KeptLoop,
  LifeLineAxis,
  MapElement,
  MapLink,
  MapMeta,
  type MapSnapshot,
} from './schema.ts';
import { compareById, newId } from '../ids.ts';
import { formatPath, parseModelInput, refuseInput, type InputProblem } from '../validation.ts';
import { safeParseRecord } from './fast-parse.ts';
import { setChangedKeys } from '../records/values.ts';

/** Names of the top-level shared types of a map document. */
export const MAP_DOC_KEYS = ['meta', 'axis', 'fields', 'elements', 'links', 'loops'] as const;

/** A record stored as a nested Y.Map of its properties. */
export type RecordMap = Y.Map<unknown>;

/** The top-level shared types of a map document. */
export interface MapDocParts {
  meta: Y.Map<unknown>;
  axis: Y.Map<unknown>;
  fields: Y.Map<RecordMap>;
  elements: Y.Map<RecordMap>;
  links: Y.Map<RecordMap>;
  loops: Y.Map<RecordMap>;
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
  };
}

function toRecordMap(record: object): RecordMap {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'id' && value !== undefined) map.set(key, value);
  }
  return map;
}

function plain(map: Y.Map<unknown>): Record<string, unknown> {
  return map.toJSON() as Record<string, unknown>;
}

/** A map read from a document, with the records that failed validation left out and named. */
export interface ReadMapResult {
  map: MapSnapshot;
  problems: InputProblem[];
}

const DEFAULT_META: MapMeta = { title: 'Uten tittel', description: '', example: false };
const DEFAULT_AXIS: LifeLineAxis = {
  label: 'Livslinje',
  originX: 0,
  segments: [{ fromAge: 0, toAge: 100, unitsPerYear: 40, label: '' }],
};

function readRecords<S extends z.ZodType>(
  collection: Y.Map<RecordMap>,
  schema: S,
  key: string,
  problems: InputProblem[],
): z.infer<S>[] {
  const out: z.infer<S>[] = [];
  for (const [id, value] of collection.entries()) {
    const raw = value instanceof Y.Map ? { ...plain(value), id } : value;
    const result = safeParseRecord(schema, raw);
    if (result.success) out.push(result.data);
    else
      for (const issue of result.error.issues)
        problems.push({ path: formatPath([key, id, ...issue.path]), message: issue.message });
  }
  return out;
}

/**
 * Reads the whole map as plain, validated records. Never throws: a record that does not
 * validate is left out and reported, so one bad record cannot take a map down.
 * Links whose ends no longer exist are left out too (a concurrent delete can leave them).
 */
export function readMap(doc: Y.Doc): ReadMapResult {
  const parts = mapDocParts(doc);
  const problems: InputProblem[] = [];
  const metaResult = MapMeta.safeParse(plain(parts.meta));
  const axisResult = LifeLineAxis.safeParse(plain(parts.axis));
  if (!metaResult.success && parts.meta.size > 0)
    problems.push({ path: 'meta', message: 'invalid metadata' });
  if (!axisResult.success && parts.axis.size > 0)
    problems.push({ path: 'axis', message: 'invalid axis' });
  const fields = readRecords(parts.fields, Field, 'fields', problems);
  const fieldIds = new Set(fields.map((f) => f.id));
  const elements = readRecords(parts.elements, MapElement, 'elements', problems).map((e) =>
    e.fieldId !== null && !fieldIds.has(e.fieldId) ? { ...e, fieldId: null } : e,
  );
  const elementIds = new Set(elements.map((e) => e.id));
  const links = readRecords(parts.links, MapLink, 'links', problems).filter(
    (l) => elementIds.has(l.from) && elementIds.has(l.to),
  );
  const loops = readRecords(parts.loops, KeptLoop, 'loops', problems);
  return {
    map: {
      meta: metaResult.success ? metaResult.data : DEFAULT_META,
      axis: axisResult.success ? axisResult.data : DEFAULT_AXIS,
      fields: fields.sort((a, b) => a.order - b.order || compareById(a, b)),
      elements: elements.sort(compareById),
      links: links.sort(compareById),
      loops: loops.sort(compareById),
    },
    problems,
  };
}

/** Replaces the whole content of `doc` with `map` in one transaction. */
export function writeMap(doc: Y.Doc, map: MapSnapshot, origin: unknown = null): void {
  const parts = mapDocParts(doc);
  doc.transact(() => {
    for (const key of MAP_DOC_KEYS) parts[key].clear();
    for (const [k, v] of Object.entries(map.meta)) parts.meta.set(k, v);
    for (const [k, v] of Object.entries(map.axis)) parts.axis.set(k, v);
    for (const f of map.fields) parts.fields.set(f.id, toRecordMap(f));
    for (const e of map.elements) parts.elements.set(e.id, toRecordMap(e));
    for (const l of map.links) parts.links.set(l.id, toRecordMap(l));
    for (const loop of map.loops) parts.loops.set(loop.id, toRecordMap(loop));
  }, origin);
}

/** Input for a new element: everything but the id is optional except label and position. */
export type NewElement = Partial<MapElement> & Pick<MapElement, 'label' | 'x' | 'y'>;
/** Input for a new link. */
export type NewLink = Partial<MapLink> & Pick<MapLink, 'from' | 'to'>;

/** Adds an element (validated) and returns it. Throws a ModelInputError on invalid input. */
export function addElement(doc: Y.Doc, input: NewElement, origin: unknown = null): MapElement {
  const element = parseModelInput(MapElement, { id: newId('e'), ...input });
  doc.transact(() => mapDocParts(doc).elements.set(element.id, toRecordMap(element)), origin);
  return element;
}

function patchRecord<S extends z.ZodType>(
  collection: Y.Map<RecordMap>,
  schema: S,
  id: string,
  patch: Record<string, unknown>,
): boolean {
  const record = collection.get(id);
  if (!(record instanceof Y.Map)) return false;
  const merged = parseModelInput(schema, { ...plain(record), ...patch, id }) as Record<
    string,
    unknown
  >;
  // Only write what changed, so concurrent edits to other properties are kept.
  setChangedKeys(record, merged, Object.keys(patch));
  return true;
}

/** Changes properties of an element; returns false when it does not exist. Validates the result. */
export function updateElement(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<MapElement, 'id'>>,
  origin: unknown = null,
): boolean {
  let found = false;
  doc.transact(() => {
    found = patchRecord(mapDocParts(doc).elements, MapElement, id, patch);
  }, origin);
  return found;
}

/** Deletes elements and every link that touches them, in one transaction (one undo step). */
export function removeElements(doc: Y.Doc, ids: Iterable<string>, origin: unknown = null): void {
  const gone = new Set(ids);
  const parts = mapDocParts(doc);
  doc.transact(() => {
    for (const id of gone) parts.elements.delete(id);
    for (const [linkId, link] of [...parts.links.entries()]) {
      if (gone.has(String(link.get('from'))) || gone.has(String(link.get('to'))))
        parts.links.delete(linkId);
    }
  }, origin);
}

/** Adds a link between two existing elements. Throws when an end is missing or input is invalid. */
export function addLink(doc: Y.Doc, input: NewLink, origin: unknown = null): MapLink {
  const link = parseModelInput(MapLink, { id: newId('l'), ...input });
  const parts = mapDocParts(doc);
  for (const end of ['from', 'to'] as const) {
    if (!parts.elements.has(link[end])) refuseInput(end, `unknown element "${link[end]}"`);
  }
  doc.transact(() => parts.links.set(link.id, toRecordMap(link)), origin);
  return link;
}

/** Changes properties of a link; returns false when it does not exist. */
export function updateLink(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<MapLink, 'id' | 'from' | 'to'>>,
  origin: unknown = null,
): boolean {
  let found = false;
  doc.transact(() => {
    found = patchRecord(mapDocParts(doc).links, MapLink, id, patch);
  }, origin);
  return found;
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
  const maxOrder = Math.max(-1, ...[...parts.fields.values()].map((f) => Number(f.get('order'))));
  const field = parseModelInput(Field, {
    id: newId('f'),
    order: maxOrder + 1,
    height: 600,
    ...input,
  });
  doc.transact(() => parts.fields.set(field.id, toRecordMap(field)), origin);
  return field;
}

/** Changes a field (rename, recolour, resize, reorder). */
export function updateField(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<Field, 'id'>>,
  origin: unknown = null,
): boolean {
  let found = false;
  doc.transact(() => {
    found = patchRecord(mapDocParts(doc).fields, Field, id, patch);
  }, origin);
  return found;
}

/** Deletes a field; its elements stay on the map with no field (nothing the group made is lost). */
export function removeField(doc: Y.Doc, id: string, origin: unknown = null): void {
  const parts = mapDocParts(doc);
  doc.transact(() => {
    parts.fields.delete(id);
    for (const element of parts.elements.values()) {
      if (element.get('fieldId') === id) element.set('fieldId', null);
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
  const next = parseModelInput(MapMeta, { ...DEFAULT_META, ...plain(parts.meta), ...patch });
  doc.transact(() => setChangedKeys(parts.meta, next), origin);
}
