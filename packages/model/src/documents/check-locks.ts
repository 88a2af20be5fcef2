/**
 * The facilitator's locks of a map document (`map/facilitation.ts`), as the update checker
 * enforces them for a sender below facilitator. What an update touches is collected by
 * `check-update.ts` while it decodes the update; this file only judges it against the lock
 * state the document holds now (never the update's own: a participant cannot unlock).
 *
 * What a lock covers, and why:
 * - The whole map locked: every change to map content (values, records) is refused.
 * - A field locked: the field record itself; every element whose `fieldId` is that field now
 *   (no edit, move, delete: moving it out would take it from the presentation), or that an
 *   update would put there (no new card in a locked field, none moved in); every link with
 *   an end in a locked element (the connections are part of what is presented). Kept loops
 *   only name links and stay open.
 */
import * as Y from 'yjs';
import { formatPath, type InputProblem } from '../validation.ts';
import { Facilitation, FACILITATION_KEY } from '../map/facilitation.ts';

/** A record an update writes into or deletes, with the values it writes (if any). */
export interface TouchedRecord {
  collection: string;
  id: string;
  written: ReadonlyMap<string, unknown> | undefined;
}

/** What one update changes, as the lock rules need it. */
export interface TouchedContent {
  /** Top-level value maps written or deleted from (`meta`, `axis`, `facilitation`). */
  roots: ReadonlySet<string>;
  records: readonly TouchedRecord[];
}

/** Refusals of a change to the facilitator's own controls by someone below facilitator. */
export const NOT_A_FACILITATOR = 'only a facilitator or owner may change this';
/** Refusal of a change while the whole map is locked. */
export const MAP_LOCKED = 'the map is locked by the facilitator';
/** Refusal of a change to the content of a locked field. */
export const FIELD_LOCKED = 'is in a field the facilitator has locked';

/**
 * The live value under `key` of a map-like shared type, read through its entries: a
 * top-level type the server has only received updates for is a bare `AbstractType` until
 * someone asks for it as a `Y.Map`, and the checker must not change the document.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function entry(type: Y.AbstractType<any> | undefined, key: string): unknown {
  const item = type?._map.get(key);
  if (!item || item.deleted) return undefined;
  if (item.content instanceof Y.ContentType) return item.content.type;
  const values = item.content.getContent();
  return values[values.length - 1];
}

function lockState(doc: Y.Doc): { mapLocked: boolean; fields: ReadonlySet<string> } {
  const type = doc.share.get(FACILITATION_KEY);
  const lock = Facilitation.shape.mapLock.safeParse(entry(type, 'mapLock'));
  const fields = Facilitation.shape.lockedFields.safeParse(entry(type, 'lockedFields'));
  return {
    mapLocked: lock.success && lock.data !== null,
    fields: new Set(fields.success ? fields.data : []),
  };
}

/** A property of a record as the document holds it now (undefined when absent or deleted). */
function stored(doc: Y.Doc, collection: string, id: string, key: string): unknown {
  const record = entry(doc.share.get(collection), id);
  return record instanceof Y.AbstractType ? entry(record, key) : undefined;
}

/**
 * The problems of `touched` for a sender below facilitator, against the locks `doc` holds
 * now: a write to `facilitation`, any change while the map is locked, or a change to the
 * content of a locked field.
 */
export function mapLockProblems(doc: Y.Doc, touched: TouchedContent): InputProblem[] {
  const problems: InputProblem[] = [];
  if (touched.roots.has(FACILITATION_KEY))
    problems.push({ path: FACILITATION_KEY, message: NOT_A_FACILITATOR });
  const { mapLocked, fields } = lockState(doc);
  if (mapLocked) {
    const root = [...touched.roots].find((r) => r !== FACILITATION_KEY);
    const first = touched.records[0];
    if (root !== undefined || first)
      problems.push({
        path: root ?? formatPath([first!.collection, first!.id]),
        message: MAP_LOCKED,
      });
    return problems;
  }
  if (fields.size === 0) return problems;

  // Where each element is after this update: its new fieldId if written, else the stored one.
  const written = new Map(
    touched.records.filter((r) => r.collection === 'elements').map((r) => [r.id, r.written]),
  );
  const fieldNow = (id: string) => stored(doc, 'elements', id, 'fieldId');
  const lockedElement = (id: string) => {
    const now = fieldNow(id);
    const next = written.get(id)?.get('fieldId');
    return (
      (typeof now === 'string' && fields.has(now)) || (typeof next === 'string' && fields.has(next))
    );
  };
  for (const record of touched.records) {
    let locked = false;
    if (record.collection === 'fields') locked = fields.has(record.id);
    else if (record.collection === 'elements') locked = lockedElement(record.id);
    else if (record.collection === 'links')
      locked = ['from', 'to'].some((end) => {
        const id = record.written?.get(end) ?? stored(doc, 'links', record.id, end);
        return typeof id === 'string' && lockedElement(id);
      });
    if (locked)
      problems.push({ path: formatPath([record.collection, record.id]), message: FIELD_LOCKED });
  }
  return problems;
}
