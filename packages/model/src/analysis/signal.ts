/**
 * "See a loop move": a purely qualitative illustration of how a nudge to one element travels
 * along the causal links, step by step, with the links' signs. It shows direction only —
 * never size, speed or time — so it is an illustration for a group, not a simulation.
 *
 * Rules (the same in both modes):
 * - Step 0 is the start element, moved up or down by the person.
 * - A link passes its source's movement on: `+` keeps the direction, `−` flips it, and a link
 *   of unknown polarity (`?`) makes it `unknown`. A `mixed` or `unknown` movement stays so.
 * - When one element is reached in the same step with both directions, it is `mixed` (pulled
 *   both ways): the illustration never picks one. Reached with a definite direction and an
 *   unknown one, it is `unknown`.
 * - The verdict compares how the signal comes back to the start with how it left:
 *   the same direction is reinforcing, the opposite balancing — exactly the even/odd count of
 *   `−` links of {@link loopPolarity}, since each `−` flips once.
 *
 * Modes:
 * - {@link propagateAlongLoop}: along the links of one loop only, one link per step, ending
 *   when the signal is back at the start (as many steps as the loop has links).
 * - {@link propagateFromElement}: along every link out of what moved. A wave: an element
 *   moves once, at the first step the signal reaches it (all arrivals of that step combined),
 *   and passes it on at the next step. A later arrival at an element that has moved already
 *   is shown (and for the start it is the return that gives the verdict) but not passed on
 *   again, so the wave always ends — after at most one step per element, or at `maxSteps`.
 *   It follows the quickest ways round; a longer loop through an element reached earlier is
 *   not followed, which is what the loop mode is for.
 */
import type { Polarity } from '../map/schema.ts';
import type { CausalGraph } from './graph.ts';
import { polarityOfSign } from './graph.ts';

/** The direction a person nudges the start element: more (up) or less (down). */
export type Nudge = 'up' | 'down';

/** How an element moves in the illustration. */
export type Movement = Nudge | 'mixed' | 'unknown';

/** A link the signal travels along in one step. */
export interface SignalLink {
  linkId: string;
  from: string;
  to: string;
  polarity: Polarity;
  /** The movement the link brings to `to`: its source's movement through its sign. */
  carries: Movement;
}

/** An element the signal reaches in one step. */
export interface SignalElement {
  elementId: string;
  /** All of this step's arrivals at the element combined. */
  movement: Movement;
  /**
   * True when the element had moved in an earlier step (for the start: the signal is back).
   * Such an arrival is shown but not passed on again.
   */
  again: boolean;
}

/** One step of the illustration. */
export interface SignalStep {
  /** 0 for the nudge itself, then 1, 2, … */
  index: number;
  elements: SignalElement[];
  links: SignalLink[];
}

/**
 * What the signal does when it comes back to the start: `reinforcing` (same direction),
 * `balancing` (opposite), `mixed` (both, in the element mode), `unknown` (a link of unknown
 * polarity on the way) or `none` (it never comes back).
 */
export type SignalVerdict = 'reinforcing' | 'balancing' | 'mixed' | 'unknown' | 'none';

/** The whole illustration. */
export interface SignalPropagation {
  start: string;
  nudge: Nudge;
  steps: SignalStep[];
  verdict: SignalVerdict;
  /** The step at which the signal came back to the start, if it did. */
  returnStep: number | null;
  /** True when `maxSteps` stopped the wave before it ended by itself. */
  truncated: boolean;
}

/** Options of {@link propagateFromElement}. */
export interface PropagationOptions {
  /** Most steps after the nudge (≥ 1); 50 unless given. */
  maxSteps?: number;
}

const DEFAULT_MAX_STEPS = 50;

/** The movement a link of sign code `sign` (1, −1, 0) brings from a source moving `m`. */
export function throughLink(m: Movement, sign: number): Movement {
  if (m === 'mixed' || m === 'unknown') return m;
  if (sign === 0) return 'unknown';
  if (sign > 0) return m;
  return m === 'up' ? 'down' : 'up';
}

/** All arrivals of one step at one element, combined (see the rules in the file comment). */
export function combineMovements(arrivals: Iterable<Movement>): Movement {
  let up = false;
  let down = false;
  let unknown = false;
  for (const m of arrivals) {
    if (m === 'up') up = true;
    else if (m === 'down') down = true;
    else if (m === 'mixed') up = down = true;
    else unknown = true;
  }
  if (up && down) return 'mixed';
  if (unknown || (!up && !down)) return 'unknown';
  return up ? 'up' : 'down';
}

/** The verdict of a signal that left as `nudge` and came back as `back`. */
export function verdictOf(nudge: Nudge, back: Movement): Exclude<SignalVerdict, 'none'> {
  if (back === 'mixed' || back === 'unknown') return back;
  return back === nudge ? 'reinforcing' : 'balancing';
}

function indexOf(graph: CausalGraph, id: string): number {
  const i = graph.elementIndex.get(id);
  if (i === undefined) throw new RangeError(`unknown element "${id}"`);
  return i;
}

function linkOf(graph: CausalGraph, e: number, carries: Movement): SignalLink {
  return {
    linkId: graph.linkIds[e]!,
    from: graph.elementIds[graph.linkFrom[e]!]!,
    to: graph.elementIds[graph.linkTo[e]!]!,
    polarity: polarityOfSign(graph.linkSign[e]!),
    carries,
  };
}

/**
 * The signal along one loop, given as its link ids in loop order (a found loop's `links` or
 * a kept loop's `linkIds`), starting at `startId` (an element of the loop; the loop is
 * rotated to begin there). Throws a `RangeError` when a link is unknown, the links do not
 * form a closed chain, or the start is not on the loop.
 */
export function propagateAlongLoop(
  graph: CausalGraph,
  linkIds: readonly string[],
  startId: string,
  nudge: Nudge,
): SignalPropagation {
  if (linkIds.length === 0) throw new RangeError('a loop needs at least one link');
  const edges = linkIds.map((id) => {
    const e = graph.linkIndex.get(id);
    if (e === undefined) throw new RangeError(`unknown link "${id}"`);
    return e;
  });
  edges.forEach((e, i) => {
    const next = edges[(i + 1) % edges.length]!;
    if (graph.linkTo[e] !== graph.linkFrom[next])
      throw new RangeError(`link "${linkIds[i]}" does not lead to the start of the next link`);
  });
  const s = indexOf(graph, startId);
  const first = edges.findIndex((e) => graph.linkFrom[e] === s);
  if (first < 0) throw new RangeError(`element "${startId}" is not on the loop`);

  const steps: SignalStep[] = [
    { index: 0, elements: [{ elementId: startId, movement: nudge, again: false }], links: [] },
  ];
  let movement: Movement = nudge;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[(first + i) % edges.length]!;
    movement = throughLink(movement, graph.linkSign[e]!);
    const to = graph.elementIds[graph.linkTo[e]!]!;
    steps.push({
      index: i + 1,
      elements: [{ elementId: to, movement, again: i === edges.length - 1 }],
      links: [linkOf(graph, e, movement)],
    });
  }
  return {
    start: startId,
    nudge,
    steps,
    verdict: verdictOf(nudge, movement),
    returnStep: edges.length,
    truncated: false,
  };
}

/**
 * The signal from `startId` along every link (the wave of the file comment). The verdict
 * combines every return to the start: all the same direction is reinforcing, all opposite
 * balancing, both `mixed`.
 */
export function propagateFromElement(
  graph: CausalGraph,
  startId: string,
  nudge: Nudge,
  options: PropagationOptions = {},
): SignalPropagation {
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  if (!(maxSteps >= 1) || !Number.isInteger(maxSteps))
    throw new RangeError('maxSteps must be a whole number of at least 1');
  const s = indexOf(graph, startId);
  const moved = new Map<number, Movement>([[s, nudge]]);
  const steps: SignalStep[] = [
    { index: 0, elements: [{ elementId: startId, movement: nudge, again: false }], links: [] },
  ];
  const returns: Movement[] = [];
  let returnStep: number | null = null;
  let frontier = [s];
  let truncated = false;
  for (let index = 1; frontier.length > 0; index++) {
    if (index > maxSteps) {
      truncated = true;
      break;
    }
    const links: SignalLink[] = [];
    const arrivals = new Map<number, Movement[]>();
    for (const v of frontier) {
      const from = moved.get(v)!;
      for (let i = graph.outStart[v]!; i < graph.outStart[v + 1]!; i++) {
        const e = graph.outEdges[i]!;
        const carries = throughLink(from, graph.linkSign[e]!);
        links.push(linkOf(graph, e, carries));
        const w = graph.linkTo[e]!;
        const list = arrivals.get(w);
        if (list) list.push(carries);
        else arrivals.set(w, [carries]);
      }
    }
    if (links.length === 0) break;
    const elements: SignalElement[] = [];
    const next: number[] = [];
    for (const [w, list] of arrivals) {
      const movement = combineMovements(list);
      const again = moved.has(w);
      elements.push({ elementId: graph.elementIds[w]!, movement, again });
      if (w === s) {
        returns.push(movement);
        returnStep ??= index;
      }
      if (!again) {
        moved.set(w, movement);
        next.push(w);
      }
    }
    steps.push({ index, elements, links });
    frontier = next;
  }
  return {
    start: startId,
    nudge,
    steps,
    verdict: returns.length === 0 ? 'none' : verdictOf(nudge, combineMovements(returns)),
    returnStep,
    truncated,
  };
}

/**
 * Each element's movement as of step `upTo` (its latest arrival so far), for drawing the
 * canvas at that step, with the links travelled so far.
 */
export function signalStateAt(
  propagation: SignalPropagation,
  upTo: number,
): { movements: Map<string, Movement>; links: Set<string>; current: SignalStep | undefined } {
  const movements = new Map<string, Movement>();
  const links = new Set<string>();
  const last = Math.max(0, Math.min(upTo, propagation.steps.length - 1));
  for (const step of propagation.steps.slice(0, last + 1)) {
    for (const el of step.elements) movements.set(el.elementId, el.movement);
    for (const link of step.links) links.add(link.linkId);
  }
  return { movements, links, current: propagation.steps[last] };
}
