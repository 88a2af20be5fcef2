/**
 * Small causal graphs for the analysis tests, written the way one draws them: elements as a
 * space-separated list of ids, links as space-separated `from>to` arrows.
 */
import type { GraphElementInput, GraphLinkInput } from './graph.ts';

/** Elements with the ids in `names` (`'a b c'`), in that order. */
export function elementsOf(names: string): GraphElementInput[] {
  return names.split(' ').map((id) => ({ id }));
}

/**
 * Links from arrows (`'a>b b>c'`), numbered `1`, `2`, … in order; `id:a>b` names a link
 * explicitly, and a trailing `+` or `-` (`a>b+`) gives its polarity.
 */
export function linksOf(arrows: string): GraphLinkInput[] {
  return arrows.split(' ').map((arrow, i) => {
    const match = /^(?:([^:]+):)?([^>]+)>([^+-]+)([+-])?$/.exec(arrow);
    if (!match) throw new Error(`not an arrow: ${arrow}`);
    const [, id, from, to, polarity] = match;
    const link: GraphLinkInput = { id: id ?? String(i + 1), from: from!, to: to! };
    if (polarity) link.polarity = polarity as '+' | '-';
    return link;
  });
}
