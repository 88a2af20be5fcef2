/**
 * LOOPY (Nicky Case, https://ncase.me/loopy/) shares a model in its URL: `?data=` holds a
 * JSON array `[nodes, edges, labels, meta]` (LOOPY 1.x, `v1.1/js/Model.js`, serialize):
 * a node is `[id, x, y, init, label, hue, ...]` with the label URI-encoded twice, an edge
 * is `[from, to, arc, strength, rotation, ...]` where the sign of `strength` is the
 * polarity, and quotes in the URL are written as %22. LOOPY 2 also reads a readable JSON
 * object `{nodes: [{id, x, y, label}], edges: [{from, to, strength}]}`, which is accepted
 * too. LOOPY 2's compressed binary links (LZMA + base64) are not read: open the model in
 * LOOPY and share it as JSON instead. Import only; LOOPY has no loops to keep.
 */
import { z } from 'zod';
import { formatPath } from '../validation.ts';
import { parseJsonText } from './json-text.ts';
import {
  assignIds,
  finishImport,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
} from './result.ts';

const decode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

/** Finds the `data` parameter of a LOOPY link, or takes the input as the data itself. */
function extractData(input: string): string {
  const text = input.trim();
  const match = /[?&]data=([^&#]*)/.exec(text);
  // A pasted parameter value: LOOPY 1.x writes quotes as %22 and the last ] as %5D.
  if (!match) return /%22|%5D|%5B|%7B/i.test(text) ? decode(text) : text;
  // URL parameters use + for spaces; LOOPY itself reads them this way.
  return decode(match[1]!.replace(/\+/g, ' '));
}

const Num = z.number().finite();
const LegacyNode = z.tuple([z.union([Num, z.string()]), Num, Num], z.unknown()).check((ctx) => {
  if (typeof ctx.value[4] !== 'string' && ctx.value[4] !== undefined)
    ctx.issues.push({
      code: 'custom',
      path: [4],
      message: 'the label must be text',
      input: ctx.value,
    });
});
const LegacyEdge = z.tuple(
  [z.union([Num, z.string()]), z.union([Num, z.string()]), Num, Num],
  z.unknown(),
);
const Legacy = z.tuple(
  [z.array(LegacyNode).max(50_000), z.array(LegacyEdge).max(200_000)],
  z.unknown(),
);
const Readable = z.looseObject({
  nodes: z
    .array(
      z.looseObject({
        id: z.union([Num, z.string()]),
        x: Num,
        y: Num,
        label: z.string().default(''),
      }),
    )
    .max(50_000),
  edges: z
    .array(
      z.looseObject({
        from: z.union([Num, z.string()]),
        to: z.union([Num, z.string()]),
        strength: Num.default(1),
      }),
    )
    .max(200_000)
    .default([]),
});

/** Reads a LOOPY link (the whole URL, its query, or the data parameter's value). */
export function importLoopy(input: string, options: ImportOptions = {}): ImportResult {
  const data = extractData(input);
  if (!data.startsWith('[') && !data.startsWith('{'))
    return {
      ok: false,
      problems: [
        {
          path: 'data',
          message:
            'this looks like a compressed LOOPY 2 link, which cannot be read; in LOOPY, share or save the model as JSON instead',
        },
      ],
    };
  const json = parseJsonText(data);
  if (!json.ok) return json;
  type Node = { id: string; x: number; y: number; label: string };
  type Edge = { from: string; to: string; strength: number };
  let nodes: Node[];
  let edges: Edge[];
  let base: string;
  if (Array.isArray(json.value)) {
    const parsed = Legacy.safeParse(json.value);
    if (!parsed.success)
      return {
        ok: false,
        problems: parsed.error.issues.map((i) => ({
          path: `data${formatPath(['', ...i.path])}`,
          message: i.message,
        })),
      };
    nodes = parsed.data[0].map((n) => ({
      id: String(n[0]),
      x: n[1],
      y: n[2],
      label: decode(String(n[4] ?? '')),
    }));
    edges = parsed.data[1].map((e) => ({ from: String(e[0]), to: String(e[1]), strength: e[3] }));
    base = 'data';
  } else {
    const parsed = Readable.safeParse(json.value);
    if (!parsed.success)
      return {
        ok: false,
        problems: parsed.error.issues.map((i) => ({
          path: formatPath(i.path),
          message: i.message,
        })),
      };
    nodes = parsed.data.nodes.map((n) => ({ id: String(n.id), x: n.x, y: n.y, label: n.label }));
    edges = parsed.data.edges.map((e) => ({
      from: String(e.from),
      to: String(e.to),
      strength: e.strength,
    }));
    base = '';
  }
  const nodePath = (i: number) => (base ? `data[0][${i}]` : `nodes[${i}]`);
  const edgePath = (i: number) => (base ? `data[1][${i}]` : `edges[${i}]`);
  const problems: ImportProblem[] = [];
  const reported = new Set<string>();
  const ids = assignIds(
    nodes.map((n) => `n${n.id}`),
    'e',
  );
  const idOf = new Map<string, string>();
  nodes.forEach((n, i) => {
    if (idOf.has(n.id))
      problems.push({ path: `${nodePath(i)}[0]`, message: `duplicate node id ${n.id}` });
    else idOf.set(n.id, ids[i]!);
  });
  const elements = nodes.map((n, i) => ({
    id: ids[i]!,
    // LOOPY allows an empty label; Helhet needs one to show in lists and for screen readers.
    label: n.label.trim() === '' ? `Node ${n.id}` : n.label,
    x: n.x,
    y: n.y,
  }));
  const linkIds = assignIds(
    edges.map((_, i) => `l${i + 1}`),
    'l',
  );
  const links = edges.map((e, i) => {
    const end = (ref: string, at: number) => {
      const id = idOf.get(ref);
      if (id === undefined) {
        reported.add(`links[${i}].${at === 0 ? 'from' : 'to'}`);
        problems.push({ path: `${edgePath(i)}[${at}]`, message: `unknown node ${ref}` });
      }
      return id ?? '';
    };
    return {
      id: linkIds[i]!,
      from: end(e.from, 0),
      to: end(e.to, 1),
      polarity: e.strength > 0 ? '+' : e.strength < 0 ? '-' : '?',
    };
  });
  return finishImport(
    { meta: {}, elements, links, loops: [] },
    {
      elements: nodes.map((_, i) => nodePath(i)),
      links: edges.map((_, i) => edgePath(i)),
      loops: [],
      reported,
    },
    problems,
    [],
    options,
  );
}
