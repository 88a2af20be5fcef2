/**
 * Typed records of a system map (gigamap) and the native interchange format.
 *
 * The contract is documented in `docs/map-document.md`. Every record that is stored or
 * crosses a boundary (API payload, import file, WebSocket update) is validated with these
 * schemas, so a bad value is rejected with a message naming its path.
 */
import { z } from 'zod';
import { InvalidRecords, type InvalidRecord } from '../records/invalid.ts';

/** Identifier of a record: short, URL-safe, stable across renames. */
export const RecordId = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may only contain letters, digits, _ . : -');

/** Free text typed by users: bounded so one payload cannot exhaust memory. */
const Text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** A colour as `#rrggbb`. */
export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c');

/** Ages run from 0 to 100 on the life-line; 100 means "100 and older". */
export const Age = z.number().min(0, 'must be 0 or more').max(100, 'must be at most 100');

/**
 * One stretch of the life-line axis. The seed's map for youth exclusion shows ages 0–30 in
 * detail and compresses 30–100, so the axis is a list of segments with their own scale.
 */
export const AxisSegment = z
  .object({
    fromAge: Age,
    toAge: Age,
    /** Canvas units per year of age in this segment. */
    unitsPerYear: z.number().positive().max(10_000),
    label: Text(80).default(''),
  })
  .refine((s) => s.toAge > s.fromAge, { message: 'toAge must be greater than fromAge' });
export type AxisSegment = z.infer<typeof AxisSegment>;

/** The life-line axis of a map: contiguous segments starting at age 0. */
export const LifeLineAxis = z
  .object({
    label: Text(80).default('Livslinje'),
    /** Canvas x where age `segments[0].fromAge` sits. */
    originX: z.number().finite().default(0),
    segments: z.array(AxisSegment).min(1).max(20),
  })
  .superRefine((axis, ctx) => {
    for (let i = 1; i < axis.segments.length; i++) {
      if (axis.segments[i]!.fromAge !== axis.segments[i - 1]!.toAge) {
        ctx.addIssue({
          code: 'custom',
          path: ['segments', i, 'fromAge'],
          message: 'segments must be contiguous (fromAge equals the previous toAge)',
        });
      }
    }
  });
export type LifeLineAxis = z.infer<typeof LifeLineAxis>;

/**
 * The role a field plays in the method. The seed's colours: blue = life conditions and
 * experiences, yellow = interplay of services, green = enablers, red = barriers.
 */
export const FieldRole = z.enum(['conditions', 'services', 'enablers', 'barriers', 'custom']);
export type FieldRole = z.infer<typeof FieldRole>;

/** A horizontal band of the map. Fields stack in `order` from the top. */
export const Field = z.object({
  id: RecordId,
  name: Text(120).min(1, 'must not be empty'),
  role: FieldRole.default('custom'),
  color: HexColor,
  order: z.number().int().min(0).max(1000),
  /** Height of the band in canvas units. */
  height: z.number().positive().max(100_000),
  description: Text(2000).default(''),
});
export type Field = z.infer<typeof Field>;

/** What an element stands for. */
export const ElementKind = z.enum([
  'factor',
  'experience',
  'actor',
  'service',
  'structure',
  'event',
  'note',
]);
export type ElementKind = z.infer<typeof ElementKind>;

/** An element of the map: a factor, experience, actor, service, ... placed in a field at an age span. */
export const MapElement = z
  .object({
    id: RecordId,
    label: Text(200).min(1, 'must not be empty'),
    description: Text(10_000).default(''),
    kind: ElementKind.default('factor'),
    /** The field the element belongs to, or null when it sits outside every field. */
    fieldId: RecordId.nullable().default(null),
    ageFrom: Age.nullable().default(null),
    ageTo: Age.nullable().default(null),
    x: z.number().finite(),
    y: z.number().finite(),
    tags: z.array(Text(60)).max(50).default([]),
    /** True for content made up to illustrate the method (the demo workspace). */
    example: z.boolean().default(false),
  })
  .refine((e) => e.ageFrom === null || e.ageTo === null || e.ageTo >= e.ageFrom, {
    message: 'ageTo must be at least ageFrom',
    path: ['ageTo'],
  });
export type MapElement = z.infer<typeof MapElement>;

/** Polarity of a causal link: same direction (+), opposite direction (−), or not known (?). */
export const Polarity = z.enum(['+', '-', '?']);
export type Polarity = z.infer<typeof Polarity>;

/** A causal link from one element to another. */
export const MapLink = z.object({
  id: RecordId,
  from: RecordId,
  to: RecordId,
  polarity: Polarity.default('?'),
  /** A delay mark: the effect takes noticeably longer than other links. */
  delay: z.boolean().default(false),
  label: Text(200).default(''),
  description: Text(10_000).default(''),
  example: z.boolean().default(false),
});
export type MapLink = z.infer<typeof MapLink>;

/** Map-wide metadata. */
export const MapMeta = z.object({
  title: Text(200).min(1, 'must not be empty'),
  description: Text(10_000).default(''),
  example: z.boolean().default(false),
});
export type MapMeta = z.infer<typeof MapMeta>;

/** A named loop kept by the group, with its narrative (filled by loop analysis). */
export const KeptLoop = z.object({
  id: RecordId,
  name: Text(200).min(1, 'must not be empty'),
  /** The loop as its ordered link ids. */
  linkIds: z.array(RecordId).min(1).max(1000),
  narrative: Text(20_000).default(''),
});
export type KeptLoop = z.infer<typeof KeptLoop>;

/**
 * A rectangle of the canvas in flow coordinates: what a saved view or a presenter shows.
 * Followers fit it to their own window, so another window size sees the same content.
 */
export const CanvasRect = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().positive().max(1e9),
  height: z.number().positive().max(1e9),
});
export type CanvasRect = z.infer<typeof CanvasRect>;

/** A stretch of the life-line a view keeps ("barriers in the 16–20 band"). */
export const AgeBand = z.object({ fromAge: Age, toAge: Age }).refine((b) => b.toAge >= b.fromAge, {
  message: 'toAge must be at least fromAge',
  path: ['toAge'],
});
export type AgeBand = z.infer<typeof AgeBand>;

/** Focus of a view: everything within `steps` links of one element. */
export const ViewFocus = z.object({
  elementId: RecordId,
  /** 1–20 steps; null means every element connected to it. */
  steps: z.number().int().min(1).max(20).nullable(),
  direction: z.enum(['both', 'upstream', 'downstream']).default('both'),
});
export type ViewFocus = z.infer<typeof ViewFocus>;

/**
 * A saved view: a named, shared filter and camera. Every criterion that is set narrows what
 * stays in full view (fields, a life-line band, kinds, tags, a focus, a kept loop); the rest
 * of the map fades, never hides. Empty lists and nulls mean "no criterion". References to
 * records deleted later are ignored by the filter, so a view survives edits of the map.
 */
export const MapView = z.object({
  id: RecordId,
  name: Text(120).min(1, 'must not be empty'),
  description: Text(2000).default(''),
  fieldIds: z.array(RecordId).max(200).default([]),
  band: AgeBand.nullable().default(null),
  kinds: z.array(ElementKind).max(ElementKind.options.length).default([]),
  tags: z.array(Text(60)).max(50).default([]),
  focus: ViewFocus.nullable().default(null),
  loopId: RecordId.nullable().default(null),
  /** The canvas region to show; null keeps each person's camera where it is. */
  camera: CanvasRect.nullable().default(null),
});
export type MapView = z.infer<typeof MapView>;

/** One step of a presentation: a saved view and the short narrative said with it. */
export const PresentationStep = z.object({
  viewId: RecordId,
  narrative: Text(2000).default(''),
});
export type PresentationStep = z.infer<typeof PresentationStep>;

/** A presentation (story mode): an ordered list of steps, each a view and a narrative. */
export const Presentation = z.object({
  id: RecordId,
  name: Text(120).min(1, 'must not be empty'),
  steps: z.array(PresentationStep).max(200).default([]),
});
export type Presentation = z.infer<typeof Presentation>;

/** Everything in one map, as plain records. */
export interface MapSnapshot {
  meta: MapMeta;
  axis: LifeLineAxis;
  fields: Field[];
  elements: MapElement[];
  links: MapLink[];
  loops: KeptLoop[];
  /** Saved views (absent in maps saved before views existed: read as none). */
  views: MapView[];
  /** Presentations made of saved views. */
  presentations: Presentation[];
  /**
   * Records kept as stored that the map cannot use (they do not validate, or a link's end is
   * missing); present only when there are any. Exports write them, imports restore them.
   */
  invalid?: InvalidRecord[];
}

/** Version of the native file format written by this code. */
export const MAP_FILE_VERSION = 1;

/**
 * The native interchange format (`helhet-map`, version 1): keeps everything in a map.
 * Cross-record rules (unique ids, links between existing elements, elements in existing
 * fields) are checked too, each reported with its path. A kept loop may name a link that no
 * longer exists: loop analysis reports it as broken rather than dropping the group's work.
 */
export const HelhetMapFile = z
  .object({
    format: z.literal('helhet-map'),
    version: z.literal(MAP_FILE_VERSION),
    meta: MapMeta,
    axis: LifeLineAxis,
    fields: z.array(Field).max(200),
    elements: z.array(MapElement).max(50_000),
    links: z.array(MapLink).max(200_000),
    loops: z.array(KeptLoop).max(10_000).default([]),
    views: z.array(MapView).max(1000).default([]),
    presentations: z.array(Presentation).max(200).default([]),
    /** Records kept as stored that the map could not use (see MapSnapshot.invalid). */
    invalid: InvalidRecords,
  })
  .superRefine((file, ctx) => {
    for (const problem of crossReferenceProblems(file)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
  });
export type HelhetMapFile = z.infer<typeof HelhetMapFile>;

/** A problem found by {@link crossReferenceProblems}. */
export interface CrossReferenceProblem {
  path: (string | number)[];
  message: string;
}

function recordsOf(value: unknown): { id?: unknown; [key: string]: unknown }[] {
  return Array.isArray(value)
    ? value.map((v) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {}))
    : [];
}

/**
 * Rules across records of a map file: unique ids, links between existing elements,
 * elements in existing fields. Works on unvalidated input too, so an import that also has
 * malformed records still gets every broken reference reported in one go.
 */
export function crossReferenceProblems(file: unknown): CrossReferenceProblem[] {
  const problems: CrossReferenceProblem[] = [];
  const root = file !== null && typeof file === 'object' ? (file as Record<string, unknown>) : {};
  const unique = (key: string) => {
    const seen = new Set<unknown>();
    recordsOf(root[key]).forEach((item, i) => {
      if (seen.has(item.id))
        problems.push({ path: [key, i, 'id'], message: `duplicate id "${String(item.id)}"` });
      seen.add(item.id);
    });
    return seen;
  };
  const fieldIds = unique('fields');
  const elementIds = unique('elements');
  unique('links');
  unique('loops');
  unique('views');
  unique('presentations');
  recordsOf(root.elements).forEach((e, i) => {
    if (typeof e.fieldId === 'string' && !fieldIds.has(e.fieldId))
      problems.push({ path: ['elements', i, 'fieldId'], message: `unknown field "${e.fieldId}"` });
  });
  recordsOf(root.links).forEach((l, i) => {
    for (const end of ['from', 'to'] as const) {
      if (typeof l[end] === 'string' && !elementIds.has(l[end]))
        problems.push({ path: ['links', i, end], message: `unknown element "${l[end]}"` });
    }
  });
  return problems;
}
