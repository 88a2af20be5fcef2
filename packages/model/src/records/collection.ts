/**
 * One record collection of a Yjs document: a top-level `Y.Map` of records, each a nested
 * `Y.Map` of its properties keyed by the record's id (the id itself is not stored inside).
 *
 * Every collection of the map document (fields, elements, links, kept loops) and of the
 * process document (challenges, ..., projects) is one of these, so adding, patching (only the
 * changed properties), removing, reading and incremental reading work one way everywhere.
 * A stored record that does not validate is never dropped silently: reads return it as an
 * {@link InvalidRecord} with its stored value, so it can be shown, exported and re-imported.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import { compareById, newId } from '../ids.ts';
import { formatPath, parseModelInput, refuseInput } from '../validation.ts';
import { setChangedKeys } from './values.ts';
import type { InvalidRecord } from './invalid.ts';

export type { InvalidRecord } from './invalid.ts';

/** A record stored as a nested `Y.Map` of its properties. */
export type RecordMap = Y.Map<unknown>;

/** The outcome of checking one stored record. */
export type RecordCheck<T> = { ok: true; record: T } | { ok: false; invalid: InvalidRecord };

/** All records of a collection: the valid ones by id order, and the invalid ones kept aside. */
export interface CollectionRead<T> {
  records: T[];
  invalid: InvalidRecord[];
}

/** What a collection needs besides its schema. */
export interface CollectionOptions<T> {
  /** Name of the top-level `Y.Map`, e.g. `elements`. */
  name: string;
  /** Prefix of new ids, so an id tells what it names in logs and URLs. */
  idPrefix: string;
  /** A faster parse with the schema's exact result (see map/fast-parse.ts); default: the schema. */
  safeParse?: (raw: unknown) => z.ZodSafeParseResult<T>;
}

/** Incremental reading of one collection: each read validates only what changed since the last. */
export interface CollectionWatch<T> {
  /** Valid and invalid records by id; `changed` tells whether anything changed since the last read. */
  read(): {
    records: ReadonlyMap<string, T>;
    invalid: ReadonlyMap<string, InvalidRecord>;
    changed: boolean;
    /**
     * The valid records sorted by id, as {@link RecordCollection.read} returns them; the same
     * array while nothing changed, re-sorted only when a record came or went.
     */
    sorted: readonly T[];
  };
  /** Stops observing the document. */
  destroy(): void;
}

/** A record collection bound to its schema; see the module comment. */
export interface RecordCollection<T extends { id: string }> {
  readonly name: string;
  readonly schema: z.ZodType<T>;
  /** The collection's top-level `Y.Map` in `doc`. */
  map(doc: Y.Doc): Y.Map<RecordMap>;
  /** Validates one stored entry. Never throws. */
  check(id: string, value: unknown): RecordCheck<T>;
  /**
   * Adds a record (validated, defaults filled; a new id when none is given) and returns it.
   * Throws a ModelInputError on invalid input or when the id is taken.
   */
  add(doc: Y.Doc, input: Record<string, unknown>, origin?: unknown): T;
  /**
   * Changes properties of a record, validating the result; returns the record after the
   * change, or undefined when it does not exist. Only properties whose value changed are
   * written, so concurrent edits of other properties are kept.
   */
  patch(doc: Y.Doc, id: string, patch: Record<string, unknown>, origin?: unknown): T | undefined;
  /** Deletes a record; false when it did not exist. */
  remove(doc: Y.Doc, id: string, origin?: unknown): boolean;
  /** One record, or undefined when missing or invalid. */
  get(doc: Y.Doc, id: string): T | undefined;
  /** Every record, validated, sorted by id; invalid ones are returned aside, never dropped. */
  read(doc: Y.Doc): CollectionRead<T>;
  /** Starts reading `doc`'s collection incrementally. */
  watch(doc: Y.Doc): CollectionWatch<T>;
  /**
   * Replaces the collection's content with `records` and, stored exactly as they were,
   * `invalid` records. Call inside the caller's transaction.
   */
  replace(doc: Y.Doc, records: readonly T[], invalid?: readonly InvalidRecord[]): void;
}

/** The nested map of a record's properties (the id is the key, not a property). */
export function toRecordMap(record: object): RecordMap {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'id' && value !== undefined) map.set(key, value);
  }
  return map;
}

/**
 * The stored value of an entry as plain JSON. A value too deeply nested to convert (a
 * hostile update can nest thousands of maps) gives undefined instead of a stack overflow.
 */
export function plainValue(value: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: value instanceof Y.AbstractType ? value.toJSON() : value };
  } catch {
    return { ok: false };
  }
}

/** Defines a record collection over `schema`; see the module comment. */
export function defineCollection<T extends { id: string }>(
  schema: z.ZodType<T>,
  options: CollectionOptions<T>,
): RecordCollection<T> {
  const { name, idPrefix } = options;
  const safeParse = options.safeParse ?? ((raw: unknown) => schema.safeParse(raw));
  const map = (doc: Y.Doc) => doc.getMap<RecordMap>(name);

  const check = (id: string, value: unknown): RecordCheck<T> => {
    const plain = plainValue(value);
    if (!plain.ok)
      return {
        ok: false,
        invalid: {
          collection: name,
          id,
          raw: null,
          problems: [{ path: formatPath([name, id]), message: 'too deeply nested to read' }],
        },
      };
    const raw = plain.value;
    const isObject = value instanceof Y.Map && raw !== null && typeof raw === 'object';
    const result = isObject ? safeParse({ ...(raw as object), id }) : undefined;
    if (result?.success) return { ok: true, record: result.data };
    const problems = result
      ? result.error.issues.map((issue) => ({
          path: formatPath([name, id, ...issue.path]),
          message: issue.message,
        }))
      : [{ path: formatPath([name, id]), message: 'must be a record (a map of properties)' }];
    return { ok: false, invalid: { collection: name, id, raw, problems } };
  };

  const read = (doc: Y.Doc): CollectionRead<T> => {
    const records: T[] = [];
    const invalid: InvalidRecord[] = [];
    for (const [id, value] of map(doc).entries()) {
      const checked = check(id, value);
      if (checked.ok) records.push(checked.record);
      else invalid.push(checked.invalid);
    }
    return { records: records.sort(compareById), invalid: invalid.sort(compareById) };
  };

  const watch = (doc: Y.Doc): CollectionWatch<T> => {
    const collection = map(doc);
    const records = new Map<string, T>();
    const invalid = new Map<string, InvalidRecord>();
    const dirty = new Set<string>(collection.keys());
    let first = true;
    let sorted: T[] = [];
    const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event.target === collection) {
          for (const id of event.changes.keys.keys()) dirty.add(id);
        } else {
          // A property of a record changed: the record's id is the first step of the path.
          const id = event.path[0];
          if (typeof id === 'string') dirty.add(id);
        }
      }
    };
    collection.observeDeep(observer);
    return {
      read() {
        const changed = first || dirty.size > 0;
        first = false;
        let membership = false;
        for (const id of dirty) {
          const was = records.has(id);
          records.delete(id);
          invalid.delete(id);
          const value = collection.get(id);
          const checked = value === undefined ? undefined : check(id, value);
          if (checked?.ok) records.set(id, checked.record);
          else if (checked) invalid.set(id, checked.invalid);
          if (was !== records.has(id)) membership = true;
        }
        dirty.clear();
        // Sorting thousands of ids on every edit would cost more than validating the edit.
        if (membership) sorted = [...records.values()].sort(compareById);
        else if (changed) sorted = sorted.map((r) => records.get(r.id)!);
        return { records, invalid, changed, sorted };
      },
      destroy: () => collection.unobserveDeep(observer),
    };
  };

  return {
    name,
    schema,
    map,
    check,
    add(doc, input, origin = null) {
      const record = parseModelInput(schema, { id: newId(idPrefix), ...input });
      const collection = map(doc);
      if (collection.has(record.id)) refuseInput('id', `"${record.id}" exists already`);
      doc.transact(() => collection.set(record.id, toRecordMap(record)), origin);
      return record;
    },
    patch(doc, id, patch, origin = null) {
      const record = map(doc).get(id);
      if (!(record instanceof Y.Map)) return undefined;
      const merged = parseModelInput(schema, { ...(record.toJSON() as object), ...patch, id });
      doc.transact(
        () => setChangedKeys(record, merged as Record<string, unknown>, Object.keys(patch)),
        origin,
      );
      return merged;
    },
    remove(doc, id, origin = null) {
      const collection = map(doc);
      if (!collection.has(id)) return false;
      doc.transact(() => collection.delete(id), origin);
      return true;
    },
    get(doc, id) {
      const value = map(doc).get(id);
      if (value === undefined) return undefined;
      const checked = check(id, value);
      return checked.ok ? checked.record : undefined;
    },
    read,
    watch,
    replace(doc, records, invalid = []) {
      const collection = map(doc);
      collection.clear();
      for (const record of records) collection.set(record.id, toRecordMap(record));
      for (const kept of invalid) {
        if (kept.collection !== name || collection.has(kept.id)) continue;
        const raw = kept.raw;
        collection.set(
          kept.id,
          raw !== null && typeof raw === 'object' && !Array.isArray(raw)
            ? toRecordMap(raw)
            : (raw as RecordMap),
        );
      }
    },
  };
}
