/**
 * Kumu's JSON blueprint (https://docs.kumu.io/guides/import/blueprints): `elements` with
 * `label`, `type`, `description`, `tags` and any custom keys; `connections` with `from`,
 * `to` (element ids, or labels when elements have no ids), `type` and `direction`
 * (directed, mutual, undirected); and `loops`, each a label, description and the ids of
 * its `connections` in loop order. Kumu project backups nest each record's fields in
 * `attributes`; both shapes are read.
 *
 * Mapping: element `type` ↔ element kind; connection `type` "+"/"-" ↔ polarity (Kumu has
 * no polarity of its own; causal loop maps in Kumu conventionally type connections + and −);
 * custom keys `x`, `y`, `ageFrom`, `ageTo`, `example`, `delay` carry what Kumu has no field for.
 * A `mutual` or `undirected` connection becomes two links, one each way. Fields and the
 * life-line axis are not part of Kumu's format and are not exported.
 */
import { z } from 'zod';
import { ElementKind, type MapSnapshot } from '../map/schema.ts';
import { formatPath } from '../validation.ts';
import { parseJsonText } from './json-text.ts';
import {
  assignIds,
  elementResolver,
  finishImport,
  gridPosition,
  parsePolarity,
  type ImportOptions,
  type ImportProblem,
  type ImportResult,
} from './result.ts';

/** A Kumu blueprint as written by {@link exportKumu}. */
export interface KumuBlueprint {
  elements: Record<string, unknown>[];
  connections: Record<string, unknown>[];
  loops: Record<string, unknown>[];
}

/** Writes a map as a Kumu blueprint object (JSON.stringify it to save). */
export function exportKumu(map: MapSnapshot): KumuBlueprint {
  return {
    elements: map.elements.map((e) => ({
      id: e.id,
      label: e.label,
      type: e.kind,
      description: e.description,
      tags: e.tags,
      x: e.x,
      y: e.y,
      ...(e.ageFrom !== null ? { ageFrom: e.ageFrom } : {}),
      ...(e.ageTo !== null ? { ageTo: e.ageTo } : {}),
      ...(e.example ? { example: true } : {}),
    })),
    connections: map.links.map((l) => ({
      id: l.id,
      from: l.from,
      to: l.to,
      direction: 'directed',
      type: l.polarity,
      ...(l.label ? { label: l.label } : {}),
      ...(l.description ? { description: l.description } : {}),
      ...(l.delay ? { delay: true } : {}),
    })),
    loops: map.loops.map((loop) => ({
      id: loop.id,
      label: loop.name,
      description: loop.narrative,
      connections: loop.linkIds,
    })),
  };
}

const Ref = z.union([z.string().min(1, 'must not be empty'), z.number()]).transform(String);
const Tags = z.union([z.array(z.string()), z.string()]).transform((t) =>
  typeof t === 'string'
    ? t
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean)
    : t,
);
/** Kumu backups keep fields in `attributes`; flatten so one schema reads both shapes. */
const flatten = (raw: unknown) =>
  raw && typeof raw === 'object' && !Array.isArray(raw)
    ? {
        ...((raw as { attributes?: object }).attributes ?? {}),
        ...raw,
        id: (raw as { id?: unknown }).id ?? (raw as { _id?: unknown })._id,
      }
    : raw;

const KumuElement = z.preprocess(
  flatten,
  z.looseObject({
    id: Ref.optional(),
    label: z.string().min(1, 'must not be empty'),
    type: z.string().optional(),
    description: z.string().optional(),
    tags: Tags.optional(),
    x: z.number().optional(),
    y: z.number().optional(),
    ageFrom: z.number().nullable().optional(),
    ageTo: z.number().nullable().optional(),
    example: z.boolean().optional(),
  }),
);
const KumuConnection = z.preprocess(
  flatten,
  z.looseObject({
    id: Ref.optional(),
    from: Ref,
    to: Ref,
    direction: z.enum(['directed', 'mutual', 'undirected']).optional(),
    type: z.string().optional(),
    polarity: z.union([z.string(), z.number()]).optional(),
    label: z.string().optional(),
    description: z.string().optional(),
    delay: z.boolean().optional(),
  }),
);
const KumuLoop = z.preprocess(
  flatten,
  z.looseObject({
    id: Ref.optional(),
    label: z.string().min(1, 'must not be empty'),
    description: z.string().optional(),
    connections: z.array(Ref).min(1, 'a loop needs at least one connection'),
  }),
);
const KumuFile = z.object({
  elements: z.array(KumuElement).max(50_000),
  connections: z.array(KumuConnection).max(200_000).default([]),
  loops: z.array(KumuLoop).max(10_000).default([]),
});

/** Reads a Kumu blueprint (JSON text or parsed). All or nothing: see `result.ts`. */
export function importKumu(input: string | unknown, options: ImportOptions = {}): ImportResult {
  const json =
    typeof input === 'string' ? parseJsonText(input) : { ok: true as const, value: input };
  if (!json.ok) return json;
  const parsed = KumuFile.safeParse(json.value);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  const file = parsed.data;
  const problems: ImportProblem[] = [];
  const warnings: string[] = [];
  const kinds = new Set<string>(ElementKind.options);

  const elementIds = assignIds(
    file.elements.map((e) => e.id),
    'e',
  );
  const elements = file.elements.map((e, i) => {
    const kind = e.type !== undefined && kinds.has(e.type) ? e.type : 'factor';
    const extraTag = e.type !== undefined && !kinds.has(e.type) ? [e.type] : [];
    const place = gridPosition(i, file.elements.length);
    return {
      id: elementIds[i]!,
      label: e.label,
      description: e.description ?? '',
      kind,
      tags: [...(e.tags ?? []), ...extraTag],
      x: e.x ?? place.x,
      y: e.y ?? place.y,
      ageFrom: e.ageFrom ?? null,
      ageTo: e.ageTo ?? null,
      example: e.example ?? false,
    };
  });
  const resolve = elementResolver(
    elements.map((e, i) => ({ ...e, sourceId: file.elements[i]!.id ?? e.id })),
  );

  // Links: a mutual or undirected connection gives two.
  const linkWanted: (string | undefined)[] = [];
  const linkDrafts: {
    source: string;
    connection: number;
    from: string;
    to: string;
    reverse: boolean;
  }[] = [];
  file.connections.forEach((c, i) => {
    const from = resolve(c.from);
    const to = resolve(c.to);
    if ('error' in from) problems.push({ path: `connections[${i}].from`, message: from.error });
    if ('error' in to) problems.push({ path: `connections[${i}].to`, message: to.error });
    if ('error' in from || 'error' in to) return;
    linkWanted.push(c.id);
    linkDrafts.push({
      source: `connections[${i}]`,
      connection: i,
      from: from.id,
      to: to.id,
      reverse: false,
    });
    if (c.direction === 'mutual' || c.direction === 'undirected') {
      linkWanted.push(c.id === undefined ? undefined : `${c.id}-rev`);
      linkDrafts.push({
        source: `connections[${i}]`,
        connection: i,
        from: to.id,
        to: from.id,
        reverse: true,
      });
    }
  });
  const linkIds = assignIds(linkWanted, 'l');
  const connectionLinks = new Map<string, string>();
  const links = linkDrafts.map((d, i) => {
    const c = file.connections[d.connection]!;
    const sign =
      c.polarity !== undefined ? parsePolarity(c.polarity) : parsePolarity(c.type ?? '?');
    if (sign === null && c.polarity !== undefined)
      problems.push({
        path: `${d.source}.polarity`,
        message: `unknown polarity "${String(c.polarity)}"`,
      });
    if (!d.reverse && c.id !== undefined) connectionLinks.set(c.id, linkIds[i]!);
    return {
      id: linkIds[i]!,
      from: d.from,
      to: d.to,
      polarity: sign ?? '?',
      delay: c.delay ?? false,
      label: c.label ?? (sign === null && c.type ? c.type : ''),
      description: c.description ?? '',
    };
  });
  if (file.connections.some((c) => c.direction === 'mutual' || c.direction === 'undirected'))
    warnings.push('mutual and undirected connections became two links, one each way');

  const loopIds = assignIds(
    file.loops.map((l) => l.id),
    'k',
  );
  // A loop may name a connection that no longer exists: kept as a broken loop, not an error.
  const loops = file.loops.map((l, i) => ({
    id: loopIds[i]!,
    name: l.label,
    narrative: l.description ?? '',
    linkIds: l.connections.map((c) => connectionLinks.get(c) ?? c),
  }));
  return finishImport(
    { meta: {}, elements, links, loops },
    {
      elements: file.elements.map((_, i) => `elements[${i}]`),
      links: linkDrafts.map((d) => d.source),
      loops: file.loops.map((_, i) => `loops[${i}]`),
    },
    problems,
    warnings,
    options,
  );
}
