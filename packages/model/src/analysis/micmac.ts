/**
 * MICMAC structural analysis (Godet, "Creating Futures: Scenario Planning as a Strategic
 * Management Tool", 2nd ed. 2006, ch. 4): each element's influence (how much it drives
 * others) and dependence (how much others drive it), directly and indirectly.
 *
 * The direct matrix M has M[i][j] = 1 when some link goes from i to j (i ≠ j; the diagonal
 * is zero by convention). Direct influence is a row sum, dependence a column sum. Indirect
 * values are the row and column sums of M^k: raising M to the k-th power counts the chains
 * of k links between elements. Godet raises the power until the ranking of the elements no
 * longer changes; so does this code (up to `maxPower`). Row sums of M^k are M^k·1, computed
 * as k sparse matrix–vector products (O(k·links)) instead of dense powers (O(k·n³)): the
 * numbers are the same, but a map of thousands of elements stays fast.
 */
import type { CausalGraph } from './graph.ts';

/**
 * Godet's four sectors: influential (driving, high influence, low dependence), relay (high
 * both: unstable, where action spreads), dependent (result, low influence, high
 * dependence), autonomous (low both: weakly connected).
 */
export type MicmacQuadrant = 'influential' | 'relay' | 'dependent' | 'autonomous';

/** MICMAC values of one element. */
export interface MicmacElement {
  id: string;
  directInfluence: number;
  directDependence: number;
  /** Row sum of M^power, rescaled so all indirect values add up to the direct total. */
  indirectInfluence: number;
  /** Column sum of M^power, rescaled like `indirectInfluence`. */
  indirectDependence: number;
  /** Sector by indirect values against their means. */
  quadrant: MicmacQuadrant;
}

/** A MICMAC analysis of a whole map. */
export interface MicmacResult {
  elements: MicmacElement[];
  /** The power k of M used for the indirect values (1 when there are no chains of 2). */
  power: number;
  /** Mean indirect influence and dependence: the axes that split the quadrants. */
  meanInfluence: number;
  meanDependence: number;
}

function ranking(values: Float64Array): Int32Array {
  const order = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]! || a - b);
  const rank = new Int32Array(values.length);
  order.forEach((v, r) => (rank[v] = r));
  return rank;
}

function sameRanking(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Runs MICMAC on `graph` (see the file comment). */
export function micmac(graph: CausalGraph, options: { maxPower?: number } = {}): MicmacResult {
  const maxPower = options.maxPower ?? 12;
  const n = graph.elementIds.length;
  // Distinct successor lists (parallel links and self-links count once / not at all).
  const successors: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v++) {
    const seen = new Set<number>();
    for (let i = graph.outStart[v]!; i < graph.outStart[v + 1]!; i++) {
      const w = graph.linkTo[graph.outEdges[i]!]!;
      if (w !== v && !seen.has(w)) {
        seen.add(w);
        successors[v]!.push(w);
      }
    }
  }
  const directInfluence = new Float64Array(n);
  const directDependence = new Float64Array(n);
  for (let v = 0; v < n; v++)
    for (const w of successors[v]!) {
      directInfluence[v]!++;
      directDependence[w]!++;
    }
  let influence: Float64Array = directInfluence.slice();
  let dependence: Float64Array = directDependence.slice();
  let power = 1;
  let influenceRank = ranking(influence);
  let dependenceRank = ranking(dependence);
  for (let k = 2; k <= maxPower; k++) {
    // influence_k = M · influence_{k-1}; dependence_k = dependence_{k-1} · M.
    const nextInfluence = new Float64Array(n);
    const nextDependence = new Float64Array(n);
    let total = 0;
    for (let v = 0; v < n; v++)
      for (const w of successors[v]!) {
        nextInfluence[v]! += influence[w]!;
        nextDependence[w]! += dependence[v]!;
        total += influence[w]!;
      }
    if (total === 0) break; // no chains of k links: M^k = 0, keep the previous power
    // Rescale to avoid overflow; rankings and ratios are unchanged.
    const scale = n / total;
    for (let v = 0; v < n; v++) {
      nextInfluence[v]! *= scale;
      nextDependence[v]! *= scale;
    }
    influence = nextInfluence;
    dependence = nextDependence;
    power = k;
    const nextInfluenceRank = ranking(influence);
    const nextDependenceRank = ranking(dependence);
    const stable =
      sameRanking(influenceRank, nextInfluenceRank) &&
      sameRanking(dependenceRank, nextDependenceRank);
    influenceRank = nextInfluenceRank;
    dependenceRank = nextDependenceRank;
    if (stable) break;
  }
  const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
  const directTotal = sum(directInfluence);
  const fit = (a: Float64Array) => {
    const total = sum(a);
    return total === 0 ? a : a.map((x) => (x * directTotal) / total);
  };
  influence = fit(influence);
  dependence = fit(dependence);
  const meanInfluence = n === 0 ? 0 : sum(influence) / n;
  const meanDependence = n === 0 ? 0 : sum(dependence) / n;
  const elements = graph.elementIds.map((id, v): MicmacElement => {
    const highInfluence = influence[v]! > meanInfluence;
    const highDependence = dependence[v]! > meanDependence;
    return {
      id,
      directInfluence: directInfluence[v]!,
      directDependence: directDependence[v]!,
      indirectInfluence: influence[v]!,
      indirectDependence: dependence[v]!,
      quadrant: highInfluence
        ? highDependence
          ? 'relay'
          : 'influential'
        : highDependence
          ? 'dependent'
          : 'autonomous',
    };
  });
  return { elements, power, meanInfluence, meanDependence };
}
