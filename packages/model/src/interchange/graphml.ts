/**
 * GraphML (http://graphml.graphdrawing.org/specification.html): `<key>` declarations
 * name the attributes (`attr.name`, `attr.type`), `<node>`/`<edge>` carry them in `<data>`.
 * Written keys: node label, description, kind, tags (| separated), x, y, ageFrom, ageTo;
 * edge polarity, delay, label, description. Read by `attr.name`, so files from Gephi,
 * yEd exports or networkx that use keys like `d0` with `attr.name="label"` work too.
 * A node without a label is labelled with its id. Problems carry the XML path.
 */
import type { MapSnapshot } from '../map/schema.ts';
import { escapeXml, parseXml, textOf } from './xml-text.ts';
import {
  assignIds,
  finishImport,
  gridPosition,
  parsePolarity,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
} from './result.ts';

const NODE_KEYS = [
  ['label', 'string'],
  ['description', 'string'],
  ['kind', 'string'],
  ['tags', 'string'],
  ['x', 'double'],
  ['y', 'double'],
  ['ageFrom', 'double'],
  ['ageTo', 'double'],
] as const;
const EDGE_KEYS = [
  ['polarity', 'string'],
  ['delay', 'boolean'],
  ['edgeLabel', 'string'],
  ['edgeDescription', 'string'],
] as const;

/** Writes a map as GraphML text. */
export function exportGraphML(map: MapSnapshot): string {
  const data = (key: string, value: string | number | boolean | null) =>
    value === null || value === '' ? '' : `<data key="${key}">${escapeXml(String(value))}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(([k, t]) => `  <key id="${k}" for="node" attr.name="${k}" attr.type="${t}"/>`),
    ...EDGE_KEYS.map(
      ([k, t]) =>
        `  <key id="${k}" for="edge" attr.name="${k.replace(/^edge(.)/, (_, c: string) => c.toLowerCase())}" attr.type="${t}"/>`,
    ),
    `  <graph id="${escapeXml(map.meta.title)}" edgedefault="directed">`,
    ...map.elements.map(
      (e) =>
        `    <node id="${escapeXml(e.id)}">${data('label', e.label)}${data('description', e.description)}${data('kind', e.kind)}${data('tags', e.tags.join('|'))}${data('x', e.x)}${data('y', e.y)}${data('ageFrom', e.ageFrom)}${data('ageTo', e.ageTo)}</node>`,
    ),
    ...map.links.map(
      (l) =>
        `    <edge id="${escapeXml(l.id)}" source="${escapeXml(l.from)}" target="${escapeXml(l.to)}">${data('polarity', l.polarity)}${l.delay ? data('delay', true) : ''}${data('edgeLabel', l.label)}${data('edgeDescription', l.description)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}

type XmlNode = Record<string, unknown>;
const asArray = (v: unknown): XmlNode[] => (Array.isArray(v) ? (v as XmlNode[]) : []);
const attr = (node: XmlNode, name: string): string | undefined => {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
};

/** Reads GraphML text. All or nothing: see `result.ts`. */
export function importGraphML(text: string, options: ImportOptions = {}): ImportResult {
  const xml = parseXml(text, ['key', 'graph', 'node', 'edge', 'data']);
  if (!xml.ok) return xml;
  const root = xml.value['graphml'];
  if (!root || typeof root !== 'object')
    return { ok: false, problems: [{ path: '', message: 'no <graphml> root element' }] };
  const graphs = asArray((root as XmlNode)['graph']);
  if (graphs.length !== 1)
    return {
      ok: false,
      problems: [{ path: 'graphml', message: `expected one <graph>, found ${graphs.length}` }],
    };
  const graph = graphs[0]!;
  const problems: ImportProblem[] = [];
  const warnings: string[] = [];
  const reported = new Set<string>();
  // key id → attribute name, per domain.
  const keyName = new Map<string, string>();
  for (const key of asArray((root as XmlNode)['key'])) {
    const id = attr(key, 'id');
    if (id !== undefined) keyName.set(id, attr(key, 'attr.name') ?? id);
  }
  const dataOf = (node: XmlNode) => {
    const values = new Map<string, string>();
    for (const d of asArray(node['data'])) {
      const key = attr(d, 'key');
      if (key !== undefined) values.set((keyName.get(key) ?? key).toLowerCase(), textOf(d));
    }
    return values;
  };
  const nodes = asArray(graph['node']);
  const edges = asArray(graph['edge']);
  if (attr(graph, 'edgedefault') === 'undirected')
    warnings.push('the graph is undirected: each edge became a link from source to target');

  const num = (path: string, raw: string | undefined): number | undefined => {
    if (raw === undefined || raw.trim() === '') return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value)) problems.push({ path, message: `"${raw}" is not a number` });
    return Number.isFinite(value) ? value : undefined;
  };
  const sourceIds = nodes.map((n, i) => {
    const id = attr(n, 'id');
    if (id === undefined)
      problems.push({ path: `graph.node[${i}].@id`, message: 'a node needs an id' });
    return id;
  });
  const ids = assignIds(sourceIds, 'e');
  const idOf = new Map<string, string>();
  sourceIds.forEach((s, i) => {
    if (s === undefined) return;
    if (idOf.has(s))
      problems.push({ path: `graph.node[${i}].@id`, message: `duplicate node id "${s}"` });
    else idOf.set(s, ids[i]!);
  });
  const elements = nodes.map((n, i) => {
    const d = dataOf(n);
    const place = gridPosition(i, nodes.length);
    const path = `graph.node[${i}]`;
    return {
      id: ids[i]!,
      label: d.get('label') ?? d.get('name') ?? sourceIds[i] ?? ids[i]!,
      description: d.get('description') ?? '',
      kind: d.get('kind') ?? 'factor',
      tags: (d.get('tags') ?? '')
        .split('|')
        .map((t) => t.trim())
        .filter(Boolean),
      x: num(`${path}.x`, d.get('x')) ?? place.x,
      y: num(`${path}.y`, d.get('y')) ?? place.y,
      ageFrom: num(`${path}.ageFrom`, d.get('agefrom')) ?? null,
      ageTo: num(`${path}.ageTo`, d.get('ageto')) ?? null,
    };
  });
  const linkIds = assignIds(
    edges.map((e) => attr(e, 'id')),
    'l',
  );
  const links = edges.map((e, i) => {
    const d = dataOf(e);
    const path = `graph.edge[${i}]`;
    const end = (name: 'source' | 'target') => {
      const ref = attr(e, name);
      const id = ref === undefined ? undefined : idOf.get(ref);
      if (id === undefined) reported.add(`links[${i}].${name === 'source' ? 'from' : 'to'}`);
      if (id === undefined)
        problems.push({
          path: `${path}.@${name}`,
          message: ref === undefined ? `an edge needs a ${name}` : `unknown node "${ref}"`,
        });
      return id ?? '';
    };
    const from = end('source');
    const to = end('target');
    const rawPolarity = d.get('polarity') ?? d.get('sign');
    const polarity = parsePolarity(rawPolarity);
    if (polarity === null)
      problems.push({ path: `${path}.polarity`, message: `"${rawPolarity}" is not +, - or ?` });
    return {
      id: linkIds[i]!,
      from,
      to,
      polarity: polarity ?? '?',
      delay: (d.get('delay') ?? '').trim().toLowerCase() === 'true',
      label: d.get('label') ?? '',
      description: d.get('description') ?? '',
    };
  });
  return finishImport(
    { meta: {}, elements, links, loops: [] },
    {
      elements: nodes.map((_, i) => `graph.node[${i}]`),
      links: edges.map((_, i) => `graph.edge[${i}]`),
      loops: [],
      reported,
    },
    problems,
    warnings,
    options,
  );
}
