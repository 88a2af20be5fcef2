/**
 * Loops the group keeps: named, with a narrative, stored in the map document's top-level
 * `Y.Map` `loops` (id → record of name, ordered link ids, narrative; see `map/ydoc.ts`).
 *
 * A kept loop is the group's work, so deleting a link never deletes it: {@link loopStatus}
 * reports it as broken with the missing link ids, and the group decides what to do.
 */
import * as Y from 'yjs';
import { KeptLoop } from '../map/schema.ts';
import { mapDocParts, readMap } from '../map/ydoc.ts';
import { keptLoopCollection } from '../map/collections.ts';
import { compareById, compareNames, newId } from '../ids.ts';
import { parseModelInput, refuseInput } from '../validation.ts';

/** Input for keeping a loop: its links in loop order, a name and optionally a narrative. */
export interface KeepLoopInput {
  name: string;
  linkIds: string[];
  narrative?: string;
  /** Id to use; a new one is made when left out. */
  id?: string;
}

/** Whether a kept loop still exists on the map. */
export type KeptLoopStatus = { status: 'ok' } | { status: 'broken'; missingLinkIds: string[] };

/** A kept loop with its status, as the loop panel lists it. */
export interface KeptLoopWithStatus extends KeptLoop {
  state: KeptLoopStatus;
}

/**
 * Checks a kept loop against the links that exist now. Broken when any of its links is
 * gone (deleted, or dropped because an end element was deleted).
 */
export function loopStatus(
  loop: Pick<KeptLoop, 'linkIds'>,
  existingLinkIds: ReadonlySet<string>,
): KeptLoopStatus {
  const missingLinkIds = loop.linkIds.filter((id) => !existingLinkIds.has(id));
  return missingLinkIds.length === 0 ? { status: 'ok' } : { status: 'broken', missingLinkIds };
}

/** Reads every kept loop of `doc` with its status, sorted by name. */
export function readKeptLoops(doc: Y.Doc): KeptLoopWithStatus[] {
  const { map } = readMap(doc);
  const existing = new Set(map.links.map((l) => l.id));
  return map.loops
    .map((loop) => ({ ...loop, state: loopStatus(loop, existing) }))
    .sort((a, b) => compareNames(a.name, b.name) || compareById(a, b));
}

/**
 * Keeps a loop. Validates the record and that its links exist now and form a closed chain
 * in the given order (each link starts where the previous one ends); throws otherwise.
 */
export function keepLoop(doc: Y.Doc, input: KeepLoopInput, origin: unknown = null): KeptLoop {
  const loop = parseModelInput(KeptLoop, { id: input.id ?? newId('k'), ...input });
  const parts = mapDocParts(doc);
  if (parts.loops.has(loop.id))
    refuseInput('id', `a kept loop with id "${loop.id}" exists already`);
  const ends = loop.linkIds.map((id) => {
    const link = parts.links.get(id);
    if (!(link instanceof Y.Map)) refuseInput('linkIds', `unknown link "${id}"`);
    return { from: String(link.get('from')), to: String(link.get('to')) };
  });
  if (new Set(loop.linkIds).size !== loop.linkIds.length)
    refuseInput('linkIds', 'a link appears twice');
  ends.forEach((end, i) => {
    const next = ends[(i + 1) % ends.length]!;
    if (end.to !== next.from)
      refuseInput(
        `linkIds[${i}]`,
        `link "${loop.linkIds[i]}" does not lead to the start of the next link`,
      );
  });
  return keptLoopCollection.add(doc, loop, origin);
}

/** Renames a kept loop; false when it does not exist. Throws on an invalid name. */
export function renameLoop(doc: Y.Doc, id: string, name: string, origin: unknown = null): boolean {
  return keptLoopCollection.patch(doc, id, { name }, origin) !== undefined;
}

/** Replaces the narrative of a kept loop; false when it does not exist. */
export function narrateLoop(
  doc: Y.Doc,
  id: string,
  narrative: string,
  origin: unknown = null,
): boolean {
  return keptLoopCollection.patch(doc, id, { narrative }, origin) !== undefined;
}

/** Stops keeping a loop (the links stay on the map); false when it did not exist. */
export function deleteLoop(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  return keptLoopCollection.remove(doc, id, origin);
}
