/**
 * Emphasis for neighbourhood and path answers: the elements reached and the links among
 * them that lie along the chosen direction, so the canvas shows how they connect.
 */
import { neighbourhood, type CausalGraph, type Direction, type MapPath } from '@helhet/model';

/** Elements within `steps` of `id` in `direction`, and the links that join them that way. */
export function neighbourhoodOf(
  graph: CausalGraph,
  id: string,
  steps: number,
  direction: Direction,
): { elements: Set<string>; links: Set<string> } {
  const reached = neighbourhood(graph, [id], steps, direction);
  const links = new Set<string>();
  for (let e = 0; e < graph.linkIds.length; e++) {
    const from = graph.elementIds[graph.linkFrom[e]!]!;
    const to = graph.elementIds[graph.linkTo[e]!]!;
    const df = reached.get(from);
    const dt = reached.get(to);
    if (df === undefined || dt === undefined) continue;
    // Downstream links lead away from the start, upstream ones towards it.
    if (direction === 'downstream' && dt !== df + 1) continue;
    if (direction === 'upstream' && df !== dt + 1) continue;
    links.add(graph.linkIds[e]!);
  }
  return { elements: new Set(reached.keys()), links };
}

/** Elements and links of a set of paths. */
export function pathsEmphasis(paths: readonly MapPath[]): {
  elements: Set<string>;
  links: Set<string>;
} {
  const elements = new Set<string>();
  const links = new Set<string>();
  for (const p of paths) {
    for (const e of p.elements) elements.add(e);
    for (const l of p.links) links.add(l);
  }
  return { elements, links };
}
