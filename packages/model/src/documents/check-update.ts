/**
 * Checks a Yjs update from a client against the layout of its document before it is applied,
 * stored or relayed: an update that would store something the readers cannot read (a nested
 * shared type, a value of the wrong type, a label of 15 MB, a link to an element that never
 * existed) is refused with every problem and the path of the record property it concerns.
 *
 * Why decode instead of applying the update to a copy and reading the copy: copying a large
 * map for every keystroke costs more than the whole sync, while decoding costs only the
 * update's own size. The update is read as structs (`Y.decodeUpdate`); what an item belongs
 * to is resolved through the update itself or through `doc`'s struct store, never by
 * changing `doc`.
 *
 * What is not refused, and why:
 * - Deleting records, and overwriting properties, is always allowed (that is how every edit
 *   works). Deleting a required property of a record that stays alive is refused.
 * - A reference to a record that existed and was deleted (a concurrent delete) is accepted:
 *   a CRDT cannot refuse it without losing one side's edit, so readers show it as broken.
 * - Rules across properties of one existing record (an element's `ageTo ≥ ageFrom`) are not
 *   checked per update: two concurrent valid edits can break them together, so readers
 *   report such a record as invalid. A new record is checked whole, rules included.
 * - Content that Yjs itself will discard (written into a record that is already garbage
 *   collected) is not checked further.
 *
 * When the sender is known (`author`, the server-assigned id of the person on the
 * connection), records of an authored collection (a dot vote) may only be written or deleted
 * by their owner; see {@link AuthoredCollection}.
 */
import * as Y from 'yjs';
import { formatPath, type InputProblem } from '../validation.ts';
import { safeParseRecord } from '../map/fast-parse.ts';
import {
  documentLayout,
  type AuthoredCollection,
  type CheckedDocumentKind,
  type DocumentLayout,
  type RootSchema,
} from './document-layout.ts';

export { type CheckedDocumentKind } from './document-layout.ts';

/** Largest update accepted from a client (an import of a large map fits easily). */
export const MAX_DOCUMENT_UPDATE_BYTES = 16 * 1024 * 1024;

/** How deeply a property's JSON value may nest (the schemas need 3: list, object, value). */
export const MAX_VALUE_DEPTH = 6;

/** At most this many problems are listed: a hostile update can have millions. */
const MAX_PROBLEMS = 20;

/** Options of {@link checkDocumentUpdate}. */
export interface CheckOptions {
  /**
   * The server-assigned id of the person who sent the update. When given, records of an
   * authored collection (dot votes) may only be changed by their owner.
   */
  author?: string;
  /**
   * True when the sender is a facilitator or owner of the document's workspace. Anyone else
   * may not change the facilitator's controls (a map's lock and timer) and is held to the
   * locks (`check-locks.ts`). Left out, the sender is treated as below facilitator.
   */
  facilitator?: boolean;
}

/** What {@link checkDocumentUpdate} found. `empty`: the update changes nothing. */
export type UpdateCheck = { ok: true; empty: boolean } | { ok: false; problems: InputProblem[] };

type Struct = Y.Item | Y.GC | Y.Skip;
type Content = Y.Item['content'];
/** The delete set of a decoded update (Yjs does not export its type). */
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];
type SharedType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Where an item sits: under a top-level map, or under the item of a nested type. */
type Place = { parent: string | Y.ID; key: string | null } | 'dead' | 'missing';

/** A record an item writes into. */
interface RecordRef {
  collection: string;
  id: string;
  /** Identity of the record's item, to group its properties. */
  token: string;
  /** Created by this update (its properties are all in it). */
  created: boolean;
}

type Container =
  | { kind: 'value'; root: string; token: string }
  | { kind: 'record'; record: RecordRef }
  | 'dead'
  | 'missing'
  | 'not-a-record'
  /** Inside a new item of this update that is not a record (which is refused itself). */
  | 'shadowed';

const idToken = (id: Y.ID) => `${id.client}:${id.clock}`;
const shortKey = (key: string) => (key.length > 64 ? `${key.slice(0, 64)}…` : key);

/** Why `value` is not a plain JSON value of at most `depth` levels, or null. */
export function jsonValueProblem(value: unknown, depth = MAX_VALUE_DEPTH): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'must be a finite number';
  if (typeof value !== 'object') return `must be a JSON value, not ${typeof value}`;
  if (value instanceof Uint8Array) return 'must be a JSON value, not binary data';
  if (depth <= 1) return `must not nest deeper than ${MAX_VALUE_DEPTH} levels`;
  const children = Array.isArray(value) ? value : Object.values(value);
  for (const child of children) {
    const problem = jsonValueProblem(child, depth - 1);
    if (problem) return problem;
  }
  return null;
}

function contentName(content: Content): string {
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment || type instanceof Y.XmlText)
      return 'an XML type';
    if (type instanceof Y.XmlHook) return 'an XML hook';
    if (type instanceof Y.Map) return 'a Y.Map';
    if (type instanceof Y.Array) return 'a Y.Array';
    if (type instanceof Y.Text) return 'a Y.Text';
    return 'a shared type';
  }
  if (content instanceof Y.ContentString) return 'text content';
  if (content instanceof Y.ContentBinary) return 'binary data';
  if (content instanceof Y.ContentDoc) return 'a sub-document';
  if (content instanceof Y.ContentEmbed || content instanceof Y.ContentFormat) return 'rich text';
  if (content instanceof Y.ContentJSON) return 'legacy JSON content';
  return 'unsupported content';
}

/** One check of one update against one document; see {@link checkDocumentUpdate}. */
class UpdateChecker {
  readonly problems: InputProblem[] = [];
  private readonly byClient = new Map<number, Struct[]>();
  private readonly places = new Map<Y.Item, Place>();
  private readonly rootNames = new Map<SharedType, string>();
  /**
   * Values this update writes and does not delete, per container token and key: a new
   * record is assembled from them, and a key written again is not a deletion.
   */
  private readonly written = new Map<string, Map<string, unknown>>();
  /** Records made by this update, by token (null: the item is not a record). */
  private readonly records = new Map<string, RecordRef | null>();
  /** Tokens of records that already have a problem reported. */
  private readonly faulty = new Set<string>();
  /** Records this update creates, per collection (a reference may name them). */
  private readonly createdIds = new Map<string, Set<string>>();
  private readonly references: {
    path: string;
    ids: readonly string[];
    targets: readonly string[];
  }[] = [];

  /** Authored records already refused, so each is named once. */
  private readonly foreign = new Set<string>();

  /** Top-level value maps this update writes or deletes from (for the lock rules). */
  private readonly touchedRoots = new Set<string>();
  /** Records this update writes or deletes, by `collection/id`, with their item tokens. */
  private readonly touchedRecords = new Map<
    string,
    { collection: string; id: string; tokens: Set<string> }
  >();

  private readonly layout: DocumentLayout;
  private readonly doc: Y.Doc;
  private readonly structs: readonly Struct[];
  private readonly ds: DeleteSet;
  private readonly author: string | null;
  private readonly facilitator: boolean;

  constructor(
    layout: DocumentLayout,
    doc: Y.Doc,
    structs: readonly Struct[],
    ds: DeleteSet,
    author: string | null,
    facilitator: boolean,
  ) {
    this.layout = layout;
    this.author = author;
    this.facilitator = facilitator;
    this.doc = doc;
    this.structs = structs;
    this.ds = ds;
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
    for (const [name, type] of doc.share) this.rootNames.set(type, name);
  }

  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }

  private refuse(path: string, message: string): void {
    if (!this.full) this.problems.push({ path, message });
  }

  run(): void {
    const docState = (client: number) => Y.getState(this.doc.store, client);
    for (const struct of this.structs) {
      if (this.full) return;
      if (!(struct instanceof Y.Item)) continue;
      // Already in the document (a resent update): applying it changes nothing.
      if (struct.id.clock + struct.length <= docState(struct.id.client)) continue;
      this.checkItem(struct);
    }
    if (this.full) return;
    this.checkCreatedRecords();
    this.checkReferences();
    this.checkDeletions();
    this.checkLocks();
  }

  // --- Locks ---------------------------------------------------------------------------

  private touchRecord(collection: string, id: string, token: string | null): void {
    const key = `${collection}/${id}`;
    let entry = this.touchedRecords.get(key);
    if (!entry) this.touchedRecords.set(key, (entry = { collection, id, tokens: new Set() }));
    if (token !== null) entry.tokens.add(token);
  }

  /** A sender below facilitator may not change the guarded content (see check-locks.ts). */
  private checkLocks(): void {
    if (this.facilitator || !this.layout.lockProblems) return;
    const records = [...this.touchedRecords.values()].map(({ collection, id, tokens }) => ({
      collection,
      id,
      written: [...tokens].map((t) => this.written.get(t)).find((w) => w !== undefined),
    }));
    const problems = this.layout.lockProblems(this.doc, { roots: this.touchedRoots, records });
    for (const { path, message } of problems) this.refuse(path, message);
  }

  // --- Finding structs -----------------------------------------------------------------

  private findInUpdate(id: Y.ID): Struct | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) high = mid - 1;
      else if (id.clock >= s.id.clock + s.length) low = mid + 1;
      else return s;
    }
    return undefined;
  }

  private findInDoc(id: Y.ID): Y.Item | Y.GC | undefined {
    const list = this.doc.store.clients.get(id.client);
    if (!list || list.length === 0) return undefined;
    const last = list[list.length - 1]!;
    if (id.clock >= last.id.clock + last.length) return undefined;
    return list[Y.findIndexSS(list, id.clock)];
  }

  /** Where an integrated item of `doc` sits. */
  private docPlace(item: Y.Item): Place {
    const parent = item.parent as SharedType | null;
    if (!parent) return 'dead';
    if (parent._item === null) {
      const name = this.rootNames.get(parent);
      return name === undefined ? 'missing' : { parent: name, key: item.parentSub };
    }
    return { parent: parent._item.id, key: item.parentSub };
  }

  /**
   * Where an item of the update sits. Yjs writes the parent only for an item without
   * neighbours; otherwise it is the parent of its left (or right) origin, which is in the
   * update or in the document. Walked iteratively: a long run of typed text is one chain.
   */
  private placeOf(item: Y.Item): Place {
    const chain: Y.Item[] = [];
    let current = item;
    let place: Place = 'missing';
    for (;;) {
      const cached = this.places.get(current);
      if (cached) {
        place = cached;
        break;
      }
      if (current.parent !== null) {
        place = { parent: current.parent as unknown as string | Y.ID, key: current.parentSub };
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      chain.push(current);
      if (!neighbour || chain.length > this.structs.length) break; // malformed or cyclic
      const inUpdate = this.findInUpdate(neighbour);
      if (inUpdate instanceof Y.Item) {
        current = inUpdate;
        continue;
      }
      if (inUpdate instanceof Y.GC) place = 'dead';
      else if (!inUpdate) {
        const inDoc = this.findInDoc(neighbour);
        if (inDoc instanceof Y.Item) place = this.docPlace(inDoc);
        else if (inDoc instanceof Y.GC) place = 'dead';
      }
      break;
    }
    for (const c of chain) this.places.set(c, place);
    return place;
  }

  /** The record (or top-level value map) an item with this place writes into. */
  private containerOf(place: Place): Container {
    if (place === 'dead' || place === 'missing') return place;
    if (typeof place.parent === 'string')
      return this.layout.values.has(place.parent)
        ? { kind: 'value', root: place.parent, token: `root:${place.parent}` }
        : 'not-a-record';
    const parentId = place.parent;
    const token = idToken(parentId);
    const inUpdate = this.findInUpdate(parentId);
    if (inUpdate instanceof Y.GC) return 'dead';
    if (inUpdate instanceof Y.Item && !this.inDoc(inUpdate)) {
      if (inUpdate.content instanceof Y.ContentDeleted) return 'dead';
      const record = this.updateRecord(inUpdate);
      // Inside another new item that is not a record: that item is refused itself (a nested
      // type) or discarded by Yjs (a plain value cannot hold items), so say nothing twice.
      return record ? { kind: 'record', record } : 'shadowed';
    }
    return this.docRecord(parentId, token);
  }

  private inDoc(struct: Struct): boolean {
    return struct.id.clock + struct.length <= Y.getState(this.doc.store, struct.id.client);
  }

  /**
   * The record an item of the update makes (a Y.Map directly under a collection), or null.
   * Memoised: its properties ask for it, possibly before its own item is checked (a merged
   * update lists clients in any order).
   */
  private updateRecord(item: Y.Item): RecordRef | null {
    const token = idToken(item.id);
    const known = this.records.get(token);
    if (known !== undefined) return known;
    const place = this.placeOf(item);
    let record: RecordRef | null = null;
    if (
      item.content instanceof Y.ContentType &&
      item.content.type.constructor === Y.Map &&
      typeof place === 'object' &&
      typeof place.parent === 'string' &&
      place.key !== null &&
      this.layout.collections.has(place.parent)
    ) {
      // A record deleted by the same update is still checked, but not required to be whole.
      const created = !Y.isDeleted(this.ds, item.id);
      record = { collection: place.parent, id: place.key, token, created };
      let ids = this.createdIds.get(place.parent);
      if (!ids) this.createdIds.set(place.parent, (ids = new Set()));
      ids.add(place.key);
    }
    this.records.set(token, record);
    return record;
  }

  private docRecord(id: Y.ID, token: string): Container {
    const item = this.findInDoc(id);
    if (item === undefined) return 'missing';
    if (!(item instanceof Y.Item) || item.content instanceof Y.ContentDeleted) return 'dead';
    const place = this.docPlace(item);
    if (
      !(item.content instanceof Y.ContentType) ||
      item.content.type.constructor !== Y.Map ||
      typeof place !== 'object' ||
      typeof place.parent !== 'string' ||
      place.key === null ||
      !this.layout.collections.has(place.parent)
    )
      return 'not-a-record';
    return {
      kind: 'record',
      record: { collection: place.parent, id: place.key, token, created: false },
    };
  }

  // --- Items -----------------------------------------------------------------------------

  private checkItem(item: Y.Item): void {
    const place = this.placeOf(item);
    if (place === 'missing') {
      // Yjs would keep it pending and apply it unchecked once the rest arrives.
      this.refuse('', 'the update builds on content this document does not have');
      return;
    }
    if (typeof place === 'object' && typeof place.parent === 'string') {
      this.checkTopLevelItem(item, place.parent, place.key);
      return;
    }
    if (item.content instanceof Y.ContentDeleted) return; // a tombstone: no value to check
    const container = place === 'dead' ? 'dead' : this.containerOf(place);
    const key = typeof place === 'object' ? place.key : null;
    if (container === 'shadowed') return;
    if (container === 'missing') {
      this.refuse('', 'the update builds on content this document does not have');
      return;
    }
    if (container === 'dead' || container === 'not-a-record') {
      // Yjs discards content written into a collected record, but a replica that still
      // holds the deleted record (an undo manager keeps it) would integrate it: the shape
      // rules hold here too. A plain value cannot hold items, and nothing else may nest.
      const problem =
        container === 'not-a-record'
          ? 'is inside a value that is not a record: records hold plain JSON values only'
          : !(item.content instanceof Y.ContentAny)
            ? `must be a plain JSON value, not ${contentName(item.content)}`
            : item.content.arr.map((v) => jsonValueProblem(v)).find((p) => p !== null);
      if (problem) this.refuse(key === null ? '' : shortKey(key), problem);
      return;
    }
    if (key === null) {
      this.refuse(
        container.kind === 'value'
          ? container.root
          : formatPath([container.record.collection, shortKey(container.record.id)]),
        `must be a map of keyed entries, not a list of ${contentName(item.content)}`,
      );
      return;
    }
    if (container.kind === 'value') {
      this.touchedRoots.add(container.root);
      const schema = this.layout.values.get(container.root)!;
      this.checkProperty(item, schema, () => container.root, container.token, key);
      return;
    }
    const { record } = container;
    this.touchRecord(record.collection, record.id, record.token);
    const schema = this.layout.collections.get(record.collection)!;
    const before = this.problems.length;
    if (!Y.isDeleted(this.ds, item.id)) this.checkAuthoredValue(record, key, item);
    this.checkProperty(
      item,
      schema,
      () => formatPath([record.collection, shortKey(record.id)]),
      record.token,
      key,
      record.collection,
    );
    if (this.problems.length > before) this.faulty.add(record.token);
  }

  /** An item directly under a top-level type: a record, or a value of `meta`/`axis`/`settings`. */
  private checkTopLevelItem(item: Y.Item, root: string, key: string | null): void {
    if (!this.isRoot(root)) {
      this.refuse(shortKey(root), 'unknown top-level type');
      return;
    }
    if (item.content instanceof Y.ContentDeleted) return;
    if (key === null) {
      this.refuse(
        root,
        `must be a map of keyed entries, not a list of ${contentName(item.content)}`,
      );
      return;
    }
    if (this.layout.collections.has(root)) {
      this.checkRecordItem(item, root, key);
      return;
    }
    this.touchedRoots.add(root);
    this.checkProperty(item, this.layout.values.get(root)!, () => root, `root:${root}`, key);
  }

  private isRoot(name: string): boolean {
    return this.layout.values.has(name) || this.layout.collections.has(name);
  }

  /** An entry of a record collection: must be a new record (a nested Y.Map) with a valid id. */
  private checkRecordItem(item: Y.Item, collection: string, key: string): void {
    const path = formatPath([collection, shortKey(key)]);
    const content = item.content;
    if (!(content instanceof Y.ContentType) || content.type.constructor !== Y.Map) {
      this.refuse(
        path,
        `must be a record (a nested Y.Map), not ${content instanceof Y.ContentAny ? 'a plain value' : contentName(content)}`,
      );
      return;
    }
    const schema = this.layout.collections.get(collection)!;
    const id = schema.id.safeParse(key);
    const record = this.updateRecord(item);
    this.touchRecord(collection, key, record?.token ?? null);
    if (record?.created) this.checkAuthored(collection, key);
    if (id.success) return;
    for (const issue of id.error.issues) this.refuse(path, `id ${issue.message}`);
    if (record) this.faulty.add(record.token);
  }

  /** One property of a record or of a top-level value map. */
  private checkProperty(
    item: Y.Item,
    schema: RootSchema,
    prefix: () => string,
    token: string,
    key: string,
    collection?: string,
  ): void {
    // Paths are only built for problems: a large update has many thousands of properties.
    const path = () => `${prefix()}.${shortKey(key)}`;
    const content = item.content;
    const single = content instanceof Y.ContentAny && content.arr.length === 1;
    const value: unknown = single ? content.arr[0] : undefined;
    if (!Y.isDeleted(this.ds, item.id)) {
      let values = this.written.get(token);
      if (!values) this.written.set(token, (values = new Map()));
      values.set(key, value);
    }
    if (!single) {
      this.refuse(
        path(),
        `must be a plain JSON value, not ${content instanceof Y.ContentAny ? 'a list of values' : contentName(content)}`,
      );
      return;
    }
    const property = schema.properties.get(key);
    if (!property) {
      this.refuse(path(), 'unknown property');
      return;
    }
    const shape = jsonValueProblem(value);
    if (shape) {
      this.refuse(path(), shape);
      return;
    }
    const parsed = property.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        this.refuse(formatPath([path(), ...issue.path]), issue.message);
      return;
    }
    const reference =
      collection === undefined ? undefined : this.layout.references.get(collection)?.get(key);
    if (reference)
      this.references.push({ path: path(), ids: reference.ids(value), targets: reference.targets });
  }

  // --- Authored records -------------------------------------------------------------------

  /** True when the sender owns the authored record `id` (no sender known: anyone may). */
  private owns(id: string): boolean {
    if (this.author === null) return true;
    // An id with `:` could pose as another owner's prefix (`a` + `b:c` against `a:b` + `c`).
    return !this.author.includes(':') && id.startsWith(`${this.author}:`);
  }

  /** Refuses a write into another person's record of an authored collection. */
  private checkAuthored(collection: string, id: string): void {
    if (!this.layout.authored.has(collection) || this.owns(id)) return;
    const path = formatPath([collection, shortKey(id)]);
    if (this.foreign.has(path)) return;
    this.foreign.add(path);
    this.refuse(path, 'belongs to another participant: only they may change it');
  }

  /** The owner property of an authored record must name the sender. */
  private checkAuthoredValue(record: RecordRef, key: string, item: Y.Item): void {
    const authored = this.layout.authored.get(record.collection);
    if (!authored) return;
    if (!this.owns(record.id)) {
      this.checkAuthored(record.collection, record.id);
      return;
    }
    if (this.author === null || key !== authored.ownerProperty) return;
    const content = item.content;
    const value = content instanceof Y.ContentAny ? content.arr[0] : undefined;
    if (value !== this.author)
      this.refuse(
        formatPath([record.collection, shortKey(record.id), key]),
        'must name the participant who sends the change',
      );
  }

  /**
   * Deleting another person's authored record is allowed only together with the record it
   * points at (deleting a focus area deletes everyone's votes on it, in one transaction).
   */
  private checkAuthoredDeletion(collection: string, item: Y.Item): void {
    const id = item.parentSub;
    if (id === null || this.owns(id)) return;
    const authored: AuthoredCollection = this.layout.authored.get(collection)!;
    const type = item.content instanceof Y.ContentType ? item.content.type : null;
    const targetId = type instanceof Y.Map ? type.get(authored.targetProperty) : undefined;
    if (typeof targetId === 'string') {
      for (const name of authored.targets) {
        const target = this.doc.share.get(name)?._map.get(targetId);
        if (target && (target.deleted || Y.isDeleted(this.ds, target.id))) return;
      }
    }
    this.checkAuthored(collection, id);
  }

  // --- Whole records, references, deletions --------------------------------------------------

  /**
   * A record made by this update has all its properties in it: check it whole, so a missing
   * required property or a rule across properties is found. Records whose properties were
   * refused already are not reported twice.
   */
  private checkCreatedRecords(): void {
    for (const record of this.records.values()) {
      if (!record?.created || this.faulty.has(record.token)) continue;
      const schema = this.layout.collections.get(record.collection)!;
      const values = this.written.get(record.token) ?? new Map<string, unknown>();
      const parsed = safeParseRecord(schema.schema, {
        ...Object.fromEntries(values),
        id: record.id,
      });
      if (parsed.success) continue;
      const path = formatPath([record.collection, shortKey(record.id)]);
      for (const issue of parsed.error.issues) {
        const [first] = issue.path;
        const missing = typeof first === 'string' && issue.path.length === 1 && !values.has(first);
        this.refuse(
          formatPath([path, ...issue.path]),
          missing && schema.required.has(first) ? 'is required in a new record' : issue.message,
        );
      }
    }
  }

  /**
   * A reference must name a record that exists, existed (a concurrent delete: accepted), or
   * is made by this update. A key a collection has ever held stays in its `_map` as a
   * tombstone, so "never existed" is one lookup.
   */
  private checkReferences(): void {
    for (const { path, ids, targets } of this.references) {
      for (const id of ids) {
        const known = targets.some(
          (target) =>
            this.createdIds.get(target)?.has(id) === true ||
            this.doc.share.get(target)?._map.has(id) === true,
        );
        if (!known) this.refuse(path, `names "${shortKey(id)}", which does not exist`);
      }
    }
  }

  /**
   * Deleting the current value of a required property, without writing a new one, of a
   * record that stays alive would leave a record readers cannot read. Overwriting deletes
   * the old value too, so a key this update writes again is fine.
   */
  private checkDeletions(): void {
    for (const [client, ranges] of this.ds.clients) {
      const structs = this.doc.store.clients.get(client);
      if (!structs || structs.length === 0) continue;
      const last = structs[structs.length - 1]!;
      const end = last.id.clock + last.length;
      for (const { clock, len } of ranges) {
        if (clock >= end) continue;
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const struct = structs[i]!;
          if (struct.id.clock >= clock + len) break;
          if (struct instanceof Y.Item && !struct.deleted && struct.parentSub !== null)
            this.checkDeletedProperty(struct, struct.parentSub);
          if (this.full) return;
        }
      }
    }
  }

  private checkDeletedProperty(item: Y.Item, key: string): void {
    const place = this.docPlace(item);
    if (typeof place !== 'object') return;
    let container: Container;
    if (typeof place.parent === 'string') {
      if (this.layout.collections.has(place.parent)) this.touchRecord(place.parent, key, null);
      if (this.layout.authored.has(place.parent)) this.checkAuthoredDeletion(place.parent, item);
      if (!this.layout.values.has(place.parent)) return; // a record itself, or not ours
      this.touchedRoots.add(place.parent);
      container = { kind: 'value', root: place.parent, token: `root:${place.parent}` };
    } else {
      container = this.docRecord(place.parent, idToken(place.parent));
      if (typeof container === 'object' && container.kind === 'record')
        this.touchRecord(container.record.collection, container.record.id, null);
      // The record goes too (deleting a record deletes its properties).
      if (typeof container === 'object' && Y.isDeleted(this.ds, place.parent)) return;
      const recordItem = this.findInDoc(place.parent);
      if (recordItem instanceof Y.Item && recordItem.deleted) return;
    }
    if (typeof container !== 'object') return;
    if (container.kind === 'record')
      this.checkAuthored(container.record.collection, container.record.id);
    const schema =
      container.kind === 'value'
        ? this.layout.values.get(container.root)!
        : this.layout.collections.get(container.record.collection)!;
    if (!schema.required.has(key)) return;
    const token = container.kind === 'value' ? container.token : container.record.token;
    if (this.written.get(token)?.has(key)) return;
    const prefix =
      container.kind === 'value'
        ? container.root
        : formatPath([container.record.collection, shortKey(container.record.id)]);
    this.refuse(`${prefix}.${key}`, 'is required and cannot be deleted');
  }
}

/**
 * Checks `update`, a Yjs update (v1) a client sent for `doc`, against the layout of a
 * document of `kind` (`docs/map-document.md`; `workspace/ydoc.ts`), without applying it and
 * without copying `doc`. Refuses an update that is too large or cannot be decoded, writes a
 * top-level type the layout does not have, nests a shared type anywhere but as a record
 * directly under a collection, writes a property the record's schema does not have or a
 * value it does not accept, makes a record without its required properties, deletes a
 * required property of a live record, or names a record that never existed. Never throws.
 */
export function checkDocumentUpdate(
  kind: CheckedDocumentKind,
  doc: Y.Doc,
  update: Uint8Array,
  options: CheckOptions = {},
): UpdateCheck {
  if (update.byteLength > MAX_DOCUMENT_UPDATE_BYTES)
    return refused(
      `update of ${update.byteLength} bytes exceeds the limit of ${MAX_DOCUMENT_UPDATE_BYTES}`,
    );
  let decoded: { structs: Struct[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  } catch (error) {
    return refused(
      `update cannot be decoded (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0)
    return { ok: true, empty: true };
  const checker = new UpdateChecker(
    documentLayout(kind),
    doc,
    decoded.structs,
    decoded.ds,
    options.author ?? null,
    options.facilitator ?? false,
  );
  try {
    checker.run();
  } catch (error) {
    // A struct store or update in a shape this code does not expect: refuse, never crash.
    return refused(
      `update cannot be checked (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return checker.problems.length > 0
    ? { ok: false, problems: checker.problems }
    : { ok: true, empty: false };
}

function refused(message: string): UpdateCheck {
  return { ok: false, problems: [{ path: '', message }] };
}
