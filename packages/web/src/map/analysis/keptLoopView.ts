/**
 * A kept loop as the panel shows it: its status against the links that exist now and, when
 * whole, the loop in the same shape the search produces (so it can be drawn and emphasised).
 */
import {
  compareById,
  loopPolarity,
  loopStatus,
  type FoundLoop,
  type KeptLoop,
  type KeptLoopStatus,
  type MapLink,
} from '@helhet/model';

/** A kept loop with its status and, when not broken, the loop itself. */
export interface KeptLoopView {
  kept: KeptLoop;
  state: KeptLoopStatus;
  loop: FoundLoop | null;
  /** Elements of the links that still exist, for emphasis of a broken loop. */
  elementIds: string[];
}

/** Views of `kept` against `links`, sorted by name (Norwegian collation). */
export function keptLoopViews(
  kept: readonly KeptLoop[],
  links: readonly MapLink[],
): KeptLoopView[] {
  const byId = new Map(links.map((l) => [l.id, l]));
  const existing = new Set(byId.keys());
  return [...kept]
    .sort((a, b) => a.name.localeCompare(b.name, 'nb') || compareById(a, b))
    .map((k) => {
      const state = loopStatus(k, existing);
      const present = k.linkIds
        .map((id) => byId.get(id))
        .filter((l): l is MapLink => l !== undefined);
      const elementIds = [...new Set(present.flatMap((l) => [l.from, l.to]))];
      const loop: FoundLoop | null =
        state.status === 'ok'
          ? {
              elements: present.map((l) => l.from),
              links: [...k.linkIds],
              polarity: loopPolarity(present.map((l) => l.polarity)),
            }
          : null;
      return { kept: k, state, loop, elementIds };
    });
}
