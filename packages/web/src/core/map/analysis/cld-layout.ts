/**
 * Geometry of a loop drawn as its own causal loop diagram: elements on a circle in loop
 * order (clockwise from the top), each link an arc along the circle with its polarity mark
 * near the arrowhead, and the R/B marker in the centre — the classic CLD drawing (Sterman,
 * "Business Dynamics", 2000, ch. 5). Pure numbers, so it is unit-tested without a browser.
 */

/** One element's place: centre of its label. */
export interface CldNode {
  x: number;
  y: number;
}

/** One link's arc, as an SVG path, and where its polarity mark goes. */
export interface CldArc {
  path: string;
  markX: number;
  markY: number;
}

/** The whole diagram in a square of `size` × `size`. */
export interface CldLayout {
  size: number;
  cx: number;
  cy: number;
  radius: number;
  nodes: CldNode[];
  arcs: CldArc[];
}

/** Half the width a label box needs (canvas units); arcs stop this far from a label. */
export const CLD_LABEL_HALF_WIDTH = 64;

const round = (v: number) => Math.round(v * 10) / 10;

/** Lays out a loop of `count` elements (≥ 1). */
export function cldLayout(count: number): CldLayout {
  if (!(count >= 1)) throw new RangeError('a loop has at least one element');
  // The radius grows with the loop so neighbouring labels keep clear of each other.
  const radius = Math.max(130, count * 42);
  const size = 2 * radius + 2 * CLD_LABEL_HALF_WIDTH + 40;
  const cx = size / 2;
  const cy = size / 2;
  const at = (angle: number, r = radius) => ({
    x: round(cx + r * Math.sin(angle)),
    y: round(cy - r * Math.cos(angle)),
  });
  const step = (2 * Math.PI) / count;
  const nodes = Array.from({ length: count }, (_, i) => at(i * step));
  if (count === 1) {
    // A self-link: a small loop above the element.
    const n = nodes[0]!;
    return {
      size,
      cx,
      cy,
      radius,
      nodes,
      arcs: [
        {
          path: `M ${n.x + 24} ${n.y - 14} A 30 30 0 1 0 ${n.x - 24} ${n.y - 14}`,
          markX: n.x,
          markY: n.y - 78,
        },
      ],
    };
  }
  // Leave a gap around each label, but never more than a third of the step.
  const gap = Math.min(step / 3, (CLD_LABEL_HALF_WIDTH * 0.75) / radius + 0.12);
  const arcs = nodes.map((_, i) => {
    const start = at(i * step + gap);
    const end = at((i + 1) * step - gap);
    const largeArc = step - 2 * gap > Math.PI ? 1 : 0;
    const mark = at((i + 1) * step - gap - 0.1, radius + 18);
    return {
      path: `M ${start.x} ${start.y} A ${radius} ${radius} 0 ${largeArc} 1 ${end.x} ${end.y}`,
      markX: mark.x,
      markY: mark.y,
    };
  });
  return { size, cx, cy, radius, nodes, arcs };
}

/** Splits a label into lines of at most `width` characters at spaces (long words are cut). */
export function wrapLabel(label: string, width = 18, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const parts = word.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [word];
    for (const part of parts) {
      if (line === '') line = part;
      else if (line.length + 1 + part.length <= width) line += ` ${part}`;
      else {
        lines.push(line);
        line = part;
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
    return kept;
  }
  return lines;
}
