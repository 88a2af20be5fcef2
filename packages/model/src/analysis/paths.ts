/**
 * Neighbourhood and path questions on the map: focus N steps out, upstream (causes) and
 * downstream (effects) of an element, shortest path and all paths between two elements.
 * All are breadth- or depth-first searches on the CSR graph, linear in what they visit.
 */
import type { CausalGraph } from './graph.ts';

/** Which way links are followed: along them (effects), against them (causes) or both. */
export type Direction = 'downstream' | 'upstream' | 'both';

/** Elements reached by a search, with their distance in links from the start. */
export type Reached = Map<string, number>;

function indexOf(graph: CausalGraph, id: string): number {
  const i = graph.elementIndex.get(id);
  if (i === undefined) throw new RangeError(`unknown element "${id}"`);
  return i;
}

/**
 * Elements within `steps` links of any of `startIds` (the focus view; grow or shrink by
 * changing `steps`). Starts are at distance 0. `steps` = Infinity gives everything reachable.
 */
export function neighbourhood(
  graph: CausalGraph,
  startIds: Iterable<string>,
  steps: number,
  direction: Direction = 'both',
): Reached {
  const n = graph.elementIds.length;
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let tail = 0;
  for (const id of startIds) {
    const s = indexOf(graph, id);
    if (dist[s] === -1) {
      dist[s] = 0;
      queue[tail++] = s;
    }
  }
  const visit = (w: number, d: number) => {
    if (dist[w] !== -1) return;
    dist[w] = d;
    queue[tail++] = w;
  };
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    const d = dist[v]!;
    if (d >= steps) continue;
    if (direction !== 'upstream')
      for (let i = graph.outStart[v]!; i < graph.outStart[v + 1]!; i++)
        visit(graph.linkTo[graph.outEdges[i]!]!, d + 1);
    if (direction !== 'downstream')
      for (let i = graph.inStart[v]!; i < graph.inStart[v + 1]!; i++)
        visit(graph.linkFrom[graph.inEdges[i]!]!, d + 1);
  }
  const reached: Reached = new Map();
  for (let i = 0; i < tail; i++) reached.set(graph.elementIds[queue[i]!]!, dist[queue[i]!]!);
  return reached;
}

/** Everything that influences `id`, directly or through others (its causes), with distances. */
export function upstream(graph: CausalGraph, id: string): Reached {
  const reached = neighbourhood(graph, [id], Infinity, 'upstream');
  reached.delete(id);
  return reached;
}

/** Everything `id` influences, directly or through others (its effects), with distances. */
export function downstream(graph: CausalGraph, id: string): Reached {
  const reached = neighbourhood(graph, [id], Infinity, 'downstream');
  reached.delete(id);
  return reached;
}

/** A path as its link ids and the elements it passes, `elements.length === links.length + 1`. */
export interface MapPath {
  elements: string[];
  links: string[];
}

/** A shortest path (fewest links) from `fromId` to `toId` along the links, or null. */
export function shortestPath(graph: CausalGraph, fromId: string, toId: string): MapPath | null {
  const s = indexOf(graph, fromId);
  const t = indexOf(graph, toId);
  if (s === t) return { elements: [fromId], links: [] };
  const n = graph.elementIds.length;
  const via = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  queue[tail++] = s;
  seen[s] = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let i = graph.outStart[v]!; i < graph.outStart[v + 1]!; i++) {
      const e = graph.outEdges[i]!;
      const w = graph.linkTo[e]!;
      if (seen[w]) continue;
      seen[w] = 1;
      via[w] = e;
      if (w === t) return trace(graph, via, t);
      queue[tail++] = w;
    }
  }
  return null;
}

function trace(graph: CausalGraph, via: Int32Array, t: number): MapPath {
  const links: string[] = [];
  const elements = [graph.elementIds[t]!];
  for (let v = t; via[v] !== -1;) {
    const e = via[v]!;
    links.push(graph.linkIds[e]!);
    v = graph.linkFrom[e]!;
    elements.push(graph.elementIds[v]!);
    if (links.length > graph.linkIds.length) break;
  }
  return { elements: elements.reverse(), links: links.reverse() };
}

/** Limits of {@link allPaths}. */
export interface PathBudgets {
  /** Longest path, in links (default 8). */
  maxLength?: number;
  /** Most paths (default 1,000). */
  maxPaths?: number;
}

/** All simple paths between two elements up to the budgets, shortest first. */
export interface PathsResult {
  paths: MapPath[];
  /** True when the path budget left paths out (paths longer than maxLength are not counted). */
  truncated: boolean;
}

/**
 * Every simple path (no element twice) from `fromId` to `toId` of at most `maxLength`
 * links; parallel links give separate paths. Pruned by each element's distance to the
 * target, so only paths that can still arrive in time are followed.
 */
export function allPaths(
  graph: CausalGraph,
  fromId: string,
  toId: string,
  budgets: PathBudgets = {},
): PathsResult {
  const maxLength = budgets.maxLength ?? 8;
  const maxPaths = budgets.maxPaths ?? 1000;
  const s = indexOf(graph, fromId);
  const t = indexOf(graph, toId);
  const n = graph.elementIds.length;
  // Distance of every element to t (reverse BFS), for pruning.
  const toTarget = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let tail = 0;
  toTarget[t] = 0;
  queue[tail++] = t;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let i = graph.inStart[v]!; i < graph.inStart[v + 1]!; i++) {
      const u = graph.linkFrom[graph.inEdges[i]!]!;
      if (toTarget[u] === -1) {
        toTarget[u] = toTarget[v]! + 1;
        queue[tail++] = u;
      }
    }
  }
  const paths: MapPath[] = [];
  if (s === t) return { paths: [{ elements: [fromId], links: [] }], truncated: false };
  if (toTarget[s] === -1 || toTarget[s]! > maxLength) return { paths, truncated: false };
  const onPath = new Uint8Array(n);
  const frameVertex = new Int32Array(n + 1);
  const frameCursor = new Int32Array(n + 1);
  const pathEdge = new Int32Array(n + 1);
  let depth = 0;
  frameVertex[0] = s;
  frameCursor[0] = graph.outStart[s]!;
  onPath[s] = 1;
  while (depth >= 0) {
    const v = frameVertex[depth]!;
    const cursor = frameCursor[depth]!;
    if (cursor >= graph.outStart[v + 1]!) {
      onPath[v] = 0;
      depth--;
      continue;
    }
    frameCursor[depth] = cursor + 1;
    const e = graph.outEdges[cursor]!;
    const w = graph.linkTo[e]!;
    if (onPath[w] || toTarget[w] === -1 || depth + 1 + toTarget[w]! > maxLength) continue;
    pathEdge[depth] = e;
    if (w === t) {
      if (paths.length >= maxPaths) return { paths: sortPaths(paths), truncated: true };
      const links: string[] = [];
      const elements = [fromId];
      for (let i = 0; i <= depth; i++) {
        links.push(graph.linkIds[pathEdge[i]!]!);
        elements.push(graph.elementIds[graph.linkTo[pathEdge[i]!]!]!);
      }
      paths.push({ elements, links });
      continue;
    }
    depth++;
    frameVertex[depth] = w;
    frameCursor[depth] = graph.outStart[w]!;
    onPath[w] = 1;
  }
  return { paths: sortPaths(paths), truncated: false };
}

function sortPaths(paths: MapPath[]): MapPath[] {
  return paths.sort((a, b) => a.links.length - b.links.length);
}
