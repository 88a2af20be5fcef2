/**
 * A kept loop as the panel shows it: its status against the links that exist now and, when
 * whole, the loop in the same shape the search produces (so it can be drawn and emphasised).
 */
import {
  compareNames,
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
  /** The links that are gone, in loop order, with the ends their neighbours still tell. */
  missingLinks: MissingLink[];
}

/**
 * A link of a kept loop that no longer exists. Its record is gone, so its ends are known
 * only from the links beside it in the loop: it started where the previous link ends and
 * ended where the next one starts (null where that link is gone too).
 */
export interface MissingLink {
  id: string;
  from: string | null;
  to: string | null;
}

/** The missing links of `linkIds` (a closed chain in order) with their inferred ends. */
export function missingLinks(
  linkIds: readonly string[],
  byId: ReadonlyMap<string, Pick<MapLink, 'from' | 'to'>>,
): MissingLink[] {
  const n = linkIds.length;
  return linkIds.flatMap((id, i) => {
    if (byId.has(id)) return [];
    const before = byId.get(linkIds[(i - 1 + n) % n]!);
    const after = byId.get(linkIds[(i + 1) % n]!);
    return [{ id, from: before?.to ?? null, to: after?.from ?? null }];
  });
}

/** Views of `kept` against `links`, sorted by name (Norwegian collation). */
export function keptLoopViews(
  kept: readonly KeptLoop[],
  links: readonly MapLink[],
): KeptLoopView[] {
  const byId = new Map(links.map((l) => [l.id, l]));
  const existing = new Set(byId.keys());
  return [...kept]
    .sort((a, b) => compareNames(a.name, b.name) || compareById(a, b))
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
      return { kept: k, state, loop, elementIds, missingLinks: missingLinks(k.linkIds, byId) };
    });
}
