/**
 * Reading a map document: every record validated through its collection
 * (`map/collections.ts`), then the rules across records, applied in one place for the one-shot
 * read ({@link readMap}) and the incremental one ({@link createMapReader}) alike:
 *
 * - a record that does not validate is kept aside in `invalid` (with its stored value), and so
 *   is an invalid `meta` or `axis`, which the map reads as the default meanwhile;
 * - a link whose `from` or `to` element is missing (a concurrent delete can leave one) is kept
 *   out of `map.links`, which analysis and the canvas trust, and listed in `brokenLinks`;
 * - an element whose field is missing is read with `fieldId: null`, the reference listed in
 *   `broken`;
 * - both kinds travel in `map.invalid`, so an export keeps them and an import restores them.
 *
 * Records are sorted by id in code-unit order (fields by `order`, then id), so two replicas
 * with the same state read the same map.
 */
import * as Y from 'yjs';
import { compareById } from '../ids.ts';
import { formatPath, type InputProblem } from '../validation.ts';
import type { z } from 'zod';
import { plainValue, type InvalidRecord } from '../records/collection.ts';
import { SCHEMA_VERSION_KEY } from '../records/migrations.ts';
import { MAP_COLLECTIONS, type MapCollectionKey } from './collections.ts';
import {
  LifeLineAxis,
  MapMeta,
  type Field,
  type KeptLoop,
  type MapElement,
  type MapLink,
  type MapSnapshot,
  type MapView,
  type Presentation,
} from './schema.ts';

/** Metadata of a map whose `meta` is missing or invalid. */
export const DEFAULT_META: MapMeta = { title: 'Uten tittel', description: '', example: false };
/** Axis of a map whose `axis` is missing or invalid. */
export const DEFAULT_AXIS: LifeLineAxis = {
  label: 'Livslinje',
  originX: 0,
  segments: [{ fromAge: 0, toAge: 100, unitsPerYear: 40, label: '' }],
};

/** A reference from a record to one that does not exist. */
export interface BrokenReference {
  collection: MapCollectionKey;
  id: string;
  /** The property holding the reference, e.g. `from`. */
  path: string;
  /** The id it names. */
  target: string;
}

/** A map read from a document; nothing stored is left out without being named here. */
export interface ReadMapResult {
  /** The usable map (what analysis, the canvas and exports work on). */
  map: MapSnapshot;
  /** Every problem of the records that do not validate (`meta` and `axis` among them). */
  problems: InputProblem[];
  /** Records that do not validate, with their stored value (`meta` and `axis` too). */
  invalid: InvalidRecord[];
  /** Links whose `from` or `to` element is missing: kept, not in `map.links`. */
  brokenLinks: MapLink[];
  /** References to missing records (link ends, element fields). */
  broken: BrokenReference[];
}

/** Valid records of each collection, each sorted by id. */
type Records = {
  fields: readonly Field[];
  elements: readonly MapElement[];
  links: readonly MapLink[];
  loops: readonly KeptLoop[];
  views: readonly MapView[];
  presentations: readonly Presentation[];
};

/** The map's document-level properties, read with what of them is kept aside. */
interface HeadRead {
  head: Pick<MapSnapshot, 'meta' | 'axis'>;
  /** `meta` or `axis` as stored when it does not validate (the map uses the default). */
  invalid: InvalidRecord[];
}

/**
 * Reads `meta` and `axis`. One that does not validate (a concurrent edit or an older client
 * can leave one) is read as the default, so the map still opens, and kept in `invalid` as one
 * record named by its part (`collection` and `id` both `meta` or `axis`) with its stored value,
 * so exports keep it and imports restore it, as for any other record. A missing one is not an
 * error: a new document has none until its first write.
 */
function readHead(doc: Y.Doc): HeadRead {
  const invalid: InvalidRecord[] = [];
  const part = <T>(name: 'meta' | 'axis', schema: z.ZodType<T>, fallback: T): T => {
    const stored = plainValue(doc.getMap(name));
    const raw = stored.ok ? withoutVersion(stored.value) : {};
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    if (Object.keys(raw).length > 0 || !stored.ok)
      invalid.push({
        collection: name,
        id: name,
        raw,
        problems: stored.ok
          ? result.error.issues.map((i) => ({
              path: formatPath([name, ...i.path]),
              message: i.message,
            }))
          : [{ path: name, message: 'too deeply nested to read' }],
      });
    return fallback;
  };
  return {
    head: {
      meta: part('meta', MapMeta, DEFAULT_META),
      axis: part('axis', LifeLineAxis, DEFAULT_AXIS),
    },
    invalid,
  };
}

/** A stored `meta` or `axis` without the document's schema version (which is not map data). */
function withoutVersion(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const { [SCHEMA_VERSION_KEY]: _version, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** A broken link as it is kept in `map.invalid` (for export and re-import). */
function brokenLinkRecord(link: MapLink, ends: BrokenReference[]): InvalidRecord {
  const { id, ...raw } = link;
  return {
    collection: 'links',
    id,
    raw,
    problems: ends.map((b) => ({
      path: formatPath(['links', id, b.path]),
      message: `unknown element "${b.target}"`,
    })),
  };
}

/**
 * The cross-record rules (see the module comment), the same for every reader. `records` come
 * sorted by id (the collections sort them), so only the few fields are sorted here.
 */
function assemble(
  { head, invalid: headInvalid }: HeadRead,
  records: Records,
  invalidRecords: Iterable<InvalidRecord>,
): ReadMapResult {
  // `axis` and `meta` first (indexOf gives -1), then the collections in document order.
  const invalid = [...headInvalid, ...invalidRecords].sort(
    (a, b) =>
      KEYS.indexOf(a.collection as MapCollectionKey) -
        KEYS.indexOf(b.collection as MapCollectionKey) || compareById(a, b),
  );
  const broken: BrokenReference[] = [];
  const fields = [...records.fields].sort((a, b) => a.order - b.order || compareById(a, b));
  const fieldIds = new Set(fields.map((f) => f.id));
  const elements = records.elements.map((e) => {
    if (e.fieldId === null || fieldIds.has(e.fieldId)) return e;
    broken.push({ collection: 'elements', id: e.id, path: 'fieldId', target: e.fieldId });
    return { ...e, fieldId: null };
  });
  const elementIds = new Set(elements.map((e) => e.id));
  const links: MapLink[] = [];
  const brokenLinks: MapLink[] = [];
  const brokenLinkRecords: InvalidRecord[] = [];
  for (const l of records.links) {
    // The common case first: a map has thousands of links and this runs on every edit.
    if (elementIds.has(l.from) && elementIds.has(l.to)) {
      links.push(l);
      continue;
    }
    const ends = (['from', 'to'] as const)
      .filter((end) => !elementIds.has(l[end]))
      .map((end) => ({ collection: 'links' as const, id: l.id, path: end, target: l[end] }));
    brokenLinks.push(l);
    broken.push(...ends);
    brokenLinkRecords.push(brokenLinkRecord(l, ends));
  }
  const loops = [...records.loops];
  const kept = [...invalid, ...brokenLinkRecords];
  const views = [...records.views];
  const presentations = [...records.presentations];
  const map: MapSnapshot = { ...head, fields, elements, links, loops, views, presentations };
  if (kept.length > 0) map.invalid = kept;
  return {
    map,
    problems: invalid.flatMap((r) => r.problems),
    invalid,
    brokenLinks,
    broken,
  };
}

const KEYS = Object.keys(MAP_COLLECTIONS) as MapCollectionKey[];

/**
 * Reads the whole map as plain, validated records. Never throws: a record that does not
 * validate, or a link whose ends are gone, is kept aside and named (see the module comment),
 * so one bad record can never take a map down and nothing is dropped silently.
 */
export function readMap(doc: Y.Doc): ReadMapResult {
  const head = readHead(doc);
  const reads = {
    fields: MAP_COLLECTIONS.fields.read(doc),
    elements: MAP_COLLECTIONS.elements.read(doc),
    links: MAP_COLLECTIONS.links.read(doc),
    loops: MAP_COLLECTIONS.loops.read(doc),
    views: MAP_COLLECTIONS.views.read(doc),
    presentations: MAP_COLLECTIONS.presentations.read(doc),
  };
  return assemble(
    head,
    {
      fields: reads.fields.records,
      elements: reads.elements.records,
      links: reads.links.records,
      loops: reads.loops.records,
      views: reads.views.records,
      presentations: reads.presentations.records,
    },
    KEYS.flatMap((k) => reads[k].invalid),
  );
}

/** A map reader bound to one document. */
export interface MapReader {
  /** The current read; the same object as last time when nothing changed. */
  read(): ReadMapResult;
  /** Stops observing the document. */
  destroy(): void;
}

/**
 * Reads a map incrementally: after the first read only records that changed are validated
 * again, so an edit on a 2,000-element map costs what changed, not the whole map. The result
 * equals {@link readMap}'s (property tested in the web's incrementalReader.test.ts).
 */
export function createMapReader(doc: Y.Doc): MapReader {
  const watches = {
    fields: MAP_COLLECTIONS.fields.watch(doc),
    elements: MAP_COLLECTIONS.elements.watch(doc),
    links: MAP_COLLECTIONS.links.watch(doc),
    loops: MAP_COLLECTIONS.loops.watch(doc),
    views: MAP_COLLECTIONS.views.watch(doc),
    presentations: MAP_COLLECTIONS.presentations.watch(doc),
  };
  const meta = doc.getMap('meta');
  const axis = doc.getMap('axis');
  let headDirty = true;
  const onHead = () => {
    headDirty = true;
  };
  meta.observeDeep(onHead);
  axis.observeDeep(onHead);
  let head: HeadRead = { head: { meta: DEFAULT_META, axis: DEFAULT_AXIS }, invalid: [] };
  let last: ReadMapResult | null = null;
  return {
    read() {
      const reads = {
        fields: watches.fields.read(),
        elements: watches.elements.read(),
        links: watches.links.read(),
        loops: watches.loops.read(),
        views: watches.views.read(),
        presentations: watches.presentations.read(),
      };
      const changed = headDirty || KEYS.some((k) => reads[k].changed);
      if (!changed && last) return last;
      if (headDirty) {
        head = readHead(doc);
        headDirty = false;
      }
      last = assemble(
        head,
        {
          fields: reads.fields.sorted,
          elements: reads.elements.sorted,
          links: reads.links.sorted,
          loops: reads.loops.sorted,
          views: reads.views.sorted,
          presentations: reads.presentations.sorted,
        },
        KEYS.flatMap((k) => [...reads[k].invalid.values()]),
      );
      return last;
    },
    destroy() {
      for (const k of KEYS) watches[k].destroy();
      meta.unobserveDeep(onHead);
      axis.unobserveDeep(onHead);
    },
  };
}
