/**
 * The causal structure of a map, separated from everything else in its snapshot.
 *
 * Why: the snapshot changes on every drag (x, y) and every text edit, but loops, paths and
 * metrics depend only on element ids and links (ends and polarity). A string key of that
 * structure lets the loop search and the metrics re-run only when the structure changed.
 */
import {
  buildCausalGraph,
  type CausalGraph,
  type LoopSearchGraph,
  type MapSnapshot,
} from '@helhet/model';

/** The structure of a map and a key that changes exactly when the structure does. */
export interface MapStructure {
  key: string;
  input: LoopSearchGraph;
}

/** Extracts the causal structure of `map` (links whose ends are missing are left out). */
export function mapStructure(map: Pick<MapSnapshot, 'elements' | 'links'>): MapStructure {
  const elementIds = map.elements.map((e) => e.id);
  const present = new Set(elementIds);
  const links = map.links
    .filter((l) => present.has(l.from) && present.has(l.to))
    .map((l) => ({ id: l.id, from: l.from, to: l.to, polarity: l.polarity }));
  // Ids cannot contain spaces or '|' (RecordId allows letters, digits, _ . : -).
  const key = `${elementIds.join(' ')}|${links.map((l) => `${l.id} ${l.from} ${l.to} ${l.polarity}`).join('|')}`;
  return { key, input: { elementIds, links } };
}

/** The CSR graph of a structure, for paths, metrics and MICMAC. */
export function graphOf(structure: MapStructure): CausalGraph {
  return buildCausalGraph(
    structure.input.elementIds.map((id) => ({ id })),
    structure.input.links,
  );
}
