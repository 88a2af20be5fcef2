/**
 * What every importer returns, and the last step they share: the candidate map is checked
 * against the native file schema as a whole, so an import either yields a complete, valid
 * map or every problem found — never part of a map.
 */
import { z } from 'zod';
import {
  HelhetMapFile,
  MAP_FILE_VERSION,
  type LifeLineAxis,
  type MapMeta,
  type MapSnapshot,
} from '../map/schema.ts';
import { formatPath, type InputProblem } from '../validation.ts';

/** A problem in an imported file: `path` names the record and field as the file has them. */
export interface ImportProblem extends InputProblem {
  /** 1-based line in the file, where the format has lines that matter (CSV, XML). */
  line?: number;
}

/** The outcome of an import: the whole map, or every problem and nothing else. */
export type ImportResult =
  { ok: true; value: MapSnapshot; warnings: string[] } | { ok: false; problems: ImportProblem[] };

/** Options every importer takes. */
export interface ImportOptions {
  /** Title of the imported map when the file has none. */
  title?: string;
}

/** The axis an imported map gets when its format has none: the whole life in one segment. */
export const IMPORT_AXIS: LifeLineAxis = {
  label: 'Livslinje',
  originX: 0,
  segments: [{ fromAge: 0, toAge: 100, unitsPerYear: 40, label: '' }],
};

/** Where each candidate record came from, so problems point into the imported file. */
export interface SourcePaths {
  elements: string[];
  links: string[];
  loops: string[];
  /** Line of each element, link and loop record when the format has lines. */
  elementLines?: (number | undefined)[];
  linkLines?: (number | undefined)[];
  loopLines?: (number | undefined)[];
  /**
   * Native paths (`links[3].to`) of fields the importer already reported, with a
   * placeholder in the candidate: the schema's follow-on complaint about them is dropped.
   */
  reported?: ReadonlySet<string>;
  /** `column` writes a field as ` (to)` after the record (CSV); default `.to`. */
  fieldStyle?: 'path' | 'column';
}

const KEYS = ['elements', 'links', 'loops'] as const;

/**
 * Validates a candidate map against the native schema and translates problem paths back
 * to the imported file's own paths (`elements[3].label` → `nodes[5].label`).
 */
export function finishImport(
  candidate: { meta: Partial<MapMeta>; elements: unknown[]; links: unknown[]; loops: unknown[] },
  sources: SourcePaths,
  earlier: ImportProblem[],
  warnings: string[],
  options: ImportOptions = {},
): ImportResult {
  const result = HelhetMapFile.safeParse({
    format: 'helhet-map',
    version: MAP_FILE_VERSION,
    meta: { title: options.title ?? 'Importert kart', ...candidate.meta },
    axis: IMPORT_AXIS,
    fields: [],
    elements: candidate.elements,
    links: candidate.links,
    loops: candidate.loops,
  });
  const problems = [...earlier];
  if (!result.success) problems.push(...translate(result.error, sources));
  if (problems.length > 0) return { ok: false, problems };
  const { format: _f, version: _v, ...map } = result.data!;
  return { ok: true, value: map, warnings };
}

function translate(error: z.ZodError, sources: SourcePaths): ImportProblem[] {
  const reported = sources.reported ?? new Set<string>();
  const issues = error.issues.filter((issue) => !reported.has(formatPath(issue.path)));
  return issues.map((issue) => {
    const [key, index, ...rest] = issue.path;
    const k = KEYS.find((x) => x === key);
    if (k && typeof index === 'number') {
      const base = sources[k][index] ?? `${k}[${index}]`;
      const lines =
        k === 'elements'
          ? sources.elementLines
          : k === 'links'
            ? sources.linkLines
            : sources.loopLines;
      const line = lines?.[index];
      const dotted = rest.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
      const field = sources.fieldStyle === 'column' && dotted ? ` (${dotted.slice(1)})` : dotted;
      return {
        path: `${base}${field}`,
        message: issue.message,
        ...(line !== undefined ? { line } : {}),
      };
    }
    return { path: issue.path.map(String).join('.'), message: issue.message };
  });
}

/**
 * Reads a polarity written in the ways other tools write it: + - − ? , positive/negative,
 * same/opposite (s/o), 1/-1/0. Returns null when it cannot tell.
 */
export function parsePolarity(value: unknown): '+' | '-' | '?' | null {
  if (value === undefined || value === null || value === '') return '?';
  if (typeof value === 'number') return value > 0 ? '+' : value < 0 ? '-' : '?';
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (['+', 'positive', 'pos', 'same', 's', '1', '+1'].includes(v)) return '+';
  if (['-', '−', '–', 'negative', 'neg', 'opposite', 'o', '-1'].includes(v)) return '-';
  if (['?', 'unknown', '0', 'none'].includes(v)) return '?';
  return null;
}

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Gives every record a valid, unique id: the file's own id when it is one, otherwise a
 * made-up `prefix-N` that no other record uses. Returns the ids in input order.
 */
export function assignIds(wanted: (string | undefined)[], prefix: string): string[] {
  const taken = new Set<string>();
  const keep = wanted.map((id) => {
    if (id !== undefined && ID.test(id) && !taken.has(id)) {
      taken.add(id);
      return id;
    }
    return undefined;
  });
  let counter = 1;
  return keep.map((id) => {
    if (id !== undefined) return id;
    while (taken.has(`${prefix}-${counter}`)) counter++;
    const made = `${prefix}-${counter}`;
    taken.add(made);
    return made;
  });
}

/** Grid positions for elements whose format has none (200 × 150 canvas units apart). */
export function gridPosition(index: number, count: number): { x: number; y: number } {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  return { x: (index % columns) * 200, y: Math.floor(index / columns) * 150 };
}

/**
 * Resolves element references by id first, then by label when exactly one element has it
 * (Kumu and CSV files often connect elements by label).
 */
export function elementResolver(elements: { id: string; label: string; sourceId?: string }[]) {
  const byId = new Map<string, string>();
  const byLabel = new Map<string, string[]>();
  for (const e of elements) {
    byId.set(e.sourceId ?? e.id, e.id);
    byLabel.set(e.label, [...(byLabel.get(e.label) ?? []), e.id]);
  }
  return (ref: string): { id: string } | { error: string } => {
    const hit = byId.get(ref);
    if (hit !== undefined) return { id: hit };
    const labelled = byLabel.get(ref) ?? [];
    if (labelled.length === 1) return { id: labelled[0]! };
    if (labelled.length > 1)
      return { error: `"${ref}" matches ${labelled.length} elements by label; use ids` };
    return { error: `unknown element "${ref}"` };
  };
}
