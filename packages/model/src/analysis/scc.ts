/**
 * Strongly connected components (Tarjan 1972, "Depth-first search and linear graph
 * algorithms", SIAM J. Comput. 1(2)), iterative so a long chain of thousands of elements
 * cannot overflow the call stack. Every feedback loop lies inside one component, so loop
 * enumeration only searches within components.
 */
import type { CausalGraph } from './graph.ts';

/** Components of a graph: `component[v]` is the component number of element `v`. */
export interface Components {
  /** Component number of each element index. */
  component: Int32Array;
  /** Number of elements in each component. */
  size: Int32Array;
  count: number;
}

/** Computes the strongly connected components of `graph` in O(n + m). */
export function stronglyConnectedComponents(graph: CausalGraph): Components {
  const n = graph.elementIds.length;
  const { outStart, outEdges, linkTo } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const callV = new Int32Array(n);
  const callCursor = new Int32Array(n);
  const sizes: number[] = [];
  let sp = 0;
  let next = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callV[0] = root;
    callCursor[0] = outStart[root]!;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callV[depth]!;
      const cursor = callCursor[depth]!;
      if (cursor < outStart[v + 1]!) {
        callCursor[depth] = cursor + 1;
        const w = linkTo[outEdges[cursor]!]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callV[depth] = w;
          callCursor[depth] = outStart[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      if (low[v] === index[v]) {
        const c = sizes.length;
        let size = 0;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          component[w] = c;
          size++;
        } while (w !== v);
        sizes.push(size);
      }
      depth--;
      if (depth >= 0) {
        const parent = callV[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return { component, size: Int32Array.from(sizes), count: sizes.length };
}
