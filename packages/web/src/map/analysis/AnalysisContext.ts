/**
 * What the loop panel, the analysis panel and the interchange panel share: the map's
 * causal structure and graph, the running loop search, and what the canvas emphasises.
 */
import { createContext, useContext } from 'react';
import type { CausalGraph } from '@helhet/model';
import type { MapStructure } from '../../core/map/analysis/graph-input.ts';
import type { Emphasis, PaintGroup } from '../../core/map/analysis/emphasis-css.ts';
import type { LoopBudgetsInput, LoopSearchState } from './useLoopSearch.ts';
import type { SignalRequest } from './SignalPanel.tsx';

/** A named emphasis, so a button can show whether it is the one on the canvas. */
export interface NamedEmphasis extends Emphasis {
  key: string;
}

/** A legend for the current colouring of the map. */
export interface PaintLegend {
  title: string;
  entries: { colour: string; scale: number; text: string }[];
}

/** Shared analysis state of one map page. */
export interface AnalysisState {
  structure: MapStructure;
  graph: CausalGraph;
  search: LoopSearchState;
  budgets: LoopBudgetsInput;
  setBudgets: (budgets: LoopBudgetsInput) => void;
  /** Emphasis kept until changed (a chosen loop, focus or path). */
  pinned: NamedEmphasis | null;
  setPinned: (emphasis: NamedEmphasis | null) => void;
  /** Pins `emphasis` ("Vis i kartet") and fits the canvas to its elements; null unpins. */
  showInMap: (emphasis: NamedEmphasis | null) => void;
  /** Emphasis while the pointer or focus rests on a loop; wins over `pinned`. */
  setHovered: (emphasis: NamedEmphasis | null) => void;
  /** Colouring of elements (metric bins or communities) and its legend. */
  paint: { groups: PaintGroup[]; legend: PaintLegend } | null;
  setPaint: (paint: { groups: PaintGroup[]; legend: PaintLegend } | null) => void;
  /** The label of an element id (the id itself when unknown). */
  labelOf: (id: string) => string;
  /** Every element as id and label, sorted by label, for element pickers. */
  elementOptions: readonly { id: string; label: string }[];
  /** Opens the signal illustration ("see a loop move") of a loop or an element. */
  startSignal: (request: SignalRequest) => void;
}

/** Context holding the {@link AnalysisState}. */
export const AnalysisContext = createContext<AnalysisState | null>(null);

/** The analysis state of the enclosing map page. */
export function useAnalysis(): AnalysisState {
  const state = useContext(AnalysisContext);
  if (!state) throw new Error('useAnalysis must be used inside the analysis dock');
  return state;
}

/** The emphasis of a loop or path: its elements and links. */
export function emphasisOf(
  key: string,
  elements: Iterable<string>,
  links: Iterable<string>,
): NamedEmphasis {
  return { key, elements: new Set(elements), links: new Set(links) };
}
