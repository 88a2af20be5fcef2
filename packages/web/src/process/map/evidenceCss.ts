/**
 * The evidence badge on map elements, drawn with CSS on React Flow's node wrappers
 * (`.react-flow__node[data-id]`), so the map editor's node component stays untouched. The
 * badge is a visual cue only; the side panel says the same in text for assistive technology.
 */

/** A CSS string literal (quotes and backslashes escaped; ids and counts only). */
const cssString = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

/** CSS putting a badge with the number of insights on each element that has evidence. */
export function evidenceBadgeCss(counts: ReadonlyMap<string, number>): string {
  const rules: string[] = [];
  for (const [id, count] of counts) {
    if (count <= 0) continue;
    rules.push(
      `.react-flow__node[data-id=${cssString(id)}] .element-node::after{content:${cssString(String(count))};}`,
    );
  }
  if (rules.length === 0) return '';
  return [
    '.react-flow__node .element-node{position:relative;}',
    '.react-flow__node .element-node::after{position:absolute;top:-0.6rem;right:-0.6rem;min-width:1.3rem;height:1.3rem;padding:0 0.25rem;border-radius:999px;background:#0062ba;color:#fff;font-size:0.75rem;font-weight:700;line-height:1.3rem;text-align:center;box-sizing:border-box;}',
    ...rules,
  ].join('\n');
}
