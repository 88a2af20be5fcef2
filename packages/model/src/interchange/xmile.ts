/**
 * XMILE export (OASIS XMILE 1.0, http://docs.oasis-open.org/xmile/xmile/v1.0/), the causal
 * loop subset: every element is an auxiliary `<aux>` (a CLD has no stocks or equations,
 * so each has an empty `<eqn/>` and its description in `<doc>`); every link is a
 * `<connector>` in the view with `<from>`/`<to>` and its `polarity` ("+" or "-", left out
 * when unknown), which is how the standard draws causal links. Positions come from the
 * map, so Stella and other XMILE tools open the diagram where the group left it.
 * Kept loops, fields and the axis have no place in XMILE and are not written.
 */
import type { MapSnapshot } from '../map/schema.ts';
import { escapeXml } from './xml-text.ts';

/**
 * XMILE names must be unique, and tools compare them ignoring case and treating spaces
 * and underscores alike (XMILE 1.0 §3.2.2). Labels that clash get " (2)", " (3)", ...
 */
function uniqueNames(labels: string[]): string[] {
  const used = new Set<string>();
  const canonical = (name: string) => name.toLowerCase().replace(/[\s_]+/g, '_');
  return labels.map((label) => {
    const base = label.replace(/[\r\n]+/g, ' ').trim() || 'element';
    let name = base;
    for (let i = 2; used.has(canonical(name)); i++) name = `${base} (${i})`;
    used.add(canonical(name));
    return name;
  });
}

/** Writes a map as an XMILE causal loop diagram. */
export function exportXmile(map: MapSnapshot): string {
  const names = uniqueNames(map.elements.map((e) => e.label));
  const nameOf = new Map(map.elements.map((e, i) => [e.id, names[i]!]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
    '  <header>',
    `    <name>${escapeXml(map.meta.title)}</name>`,
    '    <vendor>Helhet</vendor>',
    '    <product version="0.1.0">Helhet</product>',
    '  </header>',
    '  <model>',
    '    <variables>',
    ...map.elements.map((e, i) =>
      [
        `      <aux name="${escapeXml(names[i]!)}">`,
        '        <eqn/>',
        ...(e.description ? [`        <doc>${escapeXml(e.description)}</doc>`] : []),
        '      </aux>',
      ].join('\n'),
    ),
    '    </variables>',
    '    <views>',
    '      <view type="stock_flow">',
    ...map.elements.map(
      (e, i) => `        <aux name="${escapeXml(names[i]!)}" x="${e.x}" y="${e.y}"/>`,
    ),
    ...map.links.map((l, i) =>
      [
        `        <connector uid="${i + 1}"${l.polarity === '?' ? '' : ` polarity="${l.polarity}"`}>`,
        `          <from>${escapeXml(nameOf.get(l.from) ?? l.from)}</from>`,
        `          <to>${escapeXml(nameOf.get(l.to) ?? l.to)}</to>`,
        '        </connector>',
      ].join('\n'),
    ),
    '      </view>',
    '    </views>',
    '  </model>',
    '</xmile>',
  ];
  return `${lines.join('\n')}\n`;
}
