/**
 * Emphasis on the canvas (fade everything but a loop, a focus or a path; colour and size
 * elements by a metric or community) as one generated stylesheet.
 *
 * Why a stylesheet and not per-node props: React Flow re-renders a node when its object
 * changes, so marking 2,000 nodes would re-render 2,000 memoised components on every hover.
 * A stylesheet keyed on React Flow's `data-id` attributes changes the look of every node in
 * one style recalculation and leaves the node objects (and the editor's code) untouched.
 * Faded items stay visible (opacity), never hidden, so the context is kept.
 */

/** Elements and links to keep in full view; everything else fades. */
export interface Emphasis {
  elements: ReadonlySet<string>;
  links: ReadonlySet<string>;
  /** Links drawn thicker still, among `links` (the step just taken in the signal illustration). */
  accent?: ReadonlySet<string>;
}

/** A group of elements drawn alike: background colour, scale and an optional text badge. */
export interface PaintGroup {
  ids: readonly string[];
  fill: string;
  scale: number;
  /** Short text shown in a corner of each element (e.g. community number), so colour is not the only cue. */
  badge?: string;
  /** Background of the badge (a `#rrggbb` colour with white text on it); dark grey when left out. */
  badgeFill?: string;
  /** A bigger badge, readable on a projector (the signal illustration's arrows). */
  badgeLarge?: boolean;
}

/** Opacity of faded elements and links. */
export const FADED_OPACITY = 0.18;

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Quotes a value for a CSS attribute selector. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

function anyId(ids: Iterable<string>): string | null {
  const parts: string[] = [];
  for (const id of ids) parts.push(`[data-id=${cssString(id)}]`);
  return parts.length ? `:is(${parts.join(',')})` : null;
}

/** The CSS text for `emphasis` and `groups` under `scope` (a selector of the canvas). */
export function emphasisCss(
  scope: string,
  emphasis: Emphasis | null,
  groups: readonly PaintGroup[] = [],
): string {
  const rules: string[] = [];
  if (emphasis) {
    rules.push(
      `${scope} .react-flow__node, ${scope} .react-flow__edge { opacity: ${FADED_OPACITY}; }`,
    );
    const nodes = anyId(emphasis.elements);
    const edges = anyId(emphasis.links);
    if (nodes) rules.push(`${scope} .react-flow__node${nodes} { opacity: 1; }`);
    if (edges)
      rules.push(
        `${scope} .react-flow__edge${edges} { opacity: 1; }`,
        `${scope} .react-flow__edge${edges} path.react-flow__edge-path { stroke-width: 4px !important; }`,
      );
    const accent = emphasis.accent ? anyId(emphasis.accent) : null;
    if (accent)
      rules.push(
        `${scope} .react-flow__edge${accent} path.react-flow__edge-path { stroke-width: 7px !important; }`,
      );
  }
  for (const group of groups) {
    const nodes = anyId(group.ids);
    if (!nodes) continue;
    const fill = HEX.test(group.fill) ? group.fill : '#ffffff';
    const badgeFill = group.badgeFill && HEX.test(group.badgeFill) ? group.badgeFill : '#1e1e1e';
    const scale = Number.isFinite(group.scale) ? Math.min(2, Math.max(0.5, group.scale)) : 1;
    rules.push(
      `${scope} .react-flow__node${nodes} .element-node { background: ${fill}; transform: scale(${scale}); position: relative; }`,
    );
    // Large badges are read at the zoom that fits a whole loop (often under 50 %), from the back of a room.
    const [offset, size] = group.badgeLarge ? [-28, 26] : [-10, 11];
    if (group.badge)
      rules.push(
        `${scope} .react-flow__node${nodes} .element-node::after { content: ${cssString(group.badge)}; position: absolute; top: ${offset}px; right: ${offset}px; background: ${badgeFill}; color: #fff; border-radius: 10px; padding: 0 6px; font-size: ${size}px; font-weight: 700; }`,
      );
  }
  return rules.join('\n');
}
