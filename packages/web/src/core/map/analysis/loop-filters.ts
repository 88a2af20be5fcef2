/**
 * Which found loops the loop panel lists, and in what order: filtered by polarity, length
 * and element, shortest first, and the loops through the selected element before the rest.
 */
import { compareLoops, type FoundLoop, type LoopPolarity } from '@helhet/model';

/** The panel's filters; `null` means "any". */
export interface LoopFilter {
  polarities: ReadonlySet<LoopPolarity>;
  /** Longest loop shown, in links. */
  maxLength: number | null;
  /** Only loops through this element. */
  elementId: string | null;
}

/** A filter that lets every loop through. */
export const NO_FILTER: LoopFilter = {
  polarities: new Set<LoopPolarity>(['R', 'B', '?']),
  maxLength: null,
  elementId: null,
};

/** The loops that pass `filter`, in the order given. */
export function filterLoops(loops: readonly FoundLoop[], filter: LoopFilter): FoundLoop[] {
  return loops.filter(
    (loop) =>
      filter.polarities.has(loop.polarity) &&
      (filter.maxLength === null || loop.links.length <= filter.maxLength) &&
      (filter.elementId === null || loop.elements.includes(filter.elementId)),
  );
}

/** Loops split into those through the selected element and the others, each shortest first. */
export interface OrderedLoops {
  through: FoundLoop[];
  others: FoundLoop[];
}

/**
 * Puts the loops through `selectedId` first, keeping the order within each group.
 * `loops` must be sorted (shortest first, see `compareLoops`; the loop search keeps its
 * list sorted with {@link mergeSorted}), so this is one linear pass even for 100,000 loops.
 * Without a selection every loop is in `others`.
 */
export function orderLoops(loops: readonly FoundLoop[], selectedId: string | null): OrderedLoops {
  if (selectedId === null) return { through: [], others: loops.slice() };
  const through: FoundLoop[] = [];
  const others: FoundLoop[] = [];
  for (const loop of loops) (loop.elements.includes(selectedId) ? through : others).push(loop);
  return { through, others };
}

/** Inserts `batch` into the already sorted `sorted`, keeping it sorted (merge, O(n + k log k)). */
export function mergeSorted(
  sorted: readonly FoundLoop[],
  batch: readonly FoundLoop[],
): FoundLoop[] {
  const incoming = [...batch].sort(compareLoops);
  const out: FoundLoop[] = new Array(sorted.length + incoming.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < sorted.length && j < incoming.length)
    out[k++] = compareLoops(sorted[i]!, incoming[j]!) <= 0 ? sorted[i++]! : incoming[j++]!;
  while (i < sorted.length) out[k++] = sorted[i++]!;
  while (j < incoming.length) out[k++] = incoming[j++]!;
  return out;
}
