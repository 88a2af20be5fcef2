/**
 * What a facilitator's field locks bind on this map, so the editor can disable it before the
 * server refuses it (the rules: `documents/check-locks.ts` in the model). A whole-map lock
 * is not listed here: it makes the whole editor read-only.
 */
import { elementLocked, linkLocked, type Facilitation, type MapSnapshot } from '@helhet/model';

/** Ids of the fields, elements and links the locks bind. */
export interface LockedContent {
  fields: ReadonlySet<string>;
  elements: ReadonlySet<string>;
  links: ReadonlySet<string>;
}

/** Nothing locked (also what a facilitator sees: locks do not bind them). */
export const NOTHING_LOCKED: LockedContent = {
  fields: new Set(),
  elements: new Set(),
  links: new Set(),
};

/** The content of `snapshot` in the fields `state` locks. */
export function lockedContent(
  snapshot: Pick<MapSnapshot, 'elements' | 'links'>,
  state: Pick<Facilitation, 'lockedFields'>,
): LockedContent {
  if (state.lockedFields.length === 0) return NOTHING_LOCKED;
  const fieldOf = new Map(snapshot.elements.map((e) => [e.id, e.fieldId]));
  return {
    fields: new Set(state.lockedFields),
    elements: new Set(snapshot.elements.filter((e) => elementLocked(state, e)).map((e) => e.id)),
    links: new Set(
      snapshot.links.filter((l) => linkLocked(state, l, (id) => fieldOf.get(id))).map((l) => l.id),
    ),
  };
}
