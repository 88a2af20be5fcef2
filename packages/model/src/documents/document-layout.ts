/**
 * The layout of each kind of collaborative document, as {@link checkDocumentUpdate} needs it:
 * which top-level maps hold plain values (one property each), which hold records (a nested
 * `Y.Map` per record, keyed by id), the zod schema of each, and which record properties name
 * other records. The contracts: docs/map-document.md and `workspace/ydoc.ts`.
 */
import { z } from 'zod';
import type { DocumentKindName } from './names.ts';
import {
  Field,
  KeptLoop,
  LifeLineAxis,
  MapElement,
  MapLink,
  MapMeta,
  MapView,
  Presentation,
} from '../map/schema.ts';
import { ProcessSettings, WORKSPACE_COLLECTIONS } from '../workspace/schema.ts';
import { MAP_SCHEMA_VERSION } from '../map/migrations.ts';
import { WORKSPACE_SCHEMA_VERSION } from '../workspace/migrations.ts';
import { SCHEMA_VERSION_KEY } from '../records/migrations.ts';
import type * as Y from 'yjs';
import type { InputProblem } from '../validation.ts';
import { Facilitation, FACILITATION_KEY } from '../map/facilitation.ts';
import { mapLockProblems, type TouchedContent } from './check-locks.ts';

/**
 * The schema version a document carries beside its values (`records/migrations.ts`): a client
 * may stamp any version up to this release's, never a newer one it cannot read.
 */
function versioned<S extends z.ZodObject>(schema: S, current: number) {
  return schema.extend({ [SCHEMA_VERSION_KEY]: z.number().int().min(1).max(current).optional() });
}

/** The kinds of collaborative document Helhet keeps (see `names.ts`). */
export type CheckedDocumentKind = DocumentKindName;

/** A zod object schema with the parts the checker reads. */
type ObjectSchema = z.ZodType & { shape: Record<string, z.ZodType> };

/** A top-level map's schema, with what the checker derives from it once. */
export interface RootSchema {
  /** The whole object schema (records: including `id`). */
  schema: ObjectSchema;
  /** Per-property schemas, `id` left out (the id is the key, never stored inside). */
  properties: ReadonlyMap<string, z.ZodType>;
  /** Properties without a default: a new record must have them, and they may not be deleted. */
  required: ReadonlySet<string>;
}

/**
 * A property that names records of other collections of the same document. `ids` lists the
 * ids a (schema-valid) value names.
 */
export interface Reference {
  collection: string;
  property: string;
  targets: readonly string[];
  ids: (value: unknown) => readonly string[];
}

/**
 * A collection whose records belong to one person each: a record's id starts with its
 * owner's id and `:` (e.g. a dot vote, `voteId(participantId, targetId)`), and its
 * `ownerProperty` names the owner. When the server knows who sent an update, only the owner
 * may write or delete such a record, except that deleting the record it points at
 * (`targetProperty`) in the same update may delete everyone's (a deleted focus area takes
 * its votes with it).
 */
export interface AuthoredCollection {
  ownerProperty: string;
  targetProperty: string;
  targets: readonly string[];
}

/** Everything the checker knows about one kind of document. */
export interface DocumentLayout {
  /** Collections whose records belong to the person who made them. */
  authored: ReadonlyMap<string, AuthoredCollection>;
  /** Top-level maps of plain values (`meta`, `axis`, `settings`). */
  values: ReadonlyMap<string, RootSchema>;
  /** Top-level maps of records, keyed by record id. */
  collections: ReadonlyMap<string, RootSchema & { id: z.ZodType }>;
  /** References per collection and property. */
  references: ReadonlyMap<string, ReadonlyMap<string, Reference>>;
  /**
   * The problems of an update's changes for a sender below facilitator (the facilitator's
   * controls and locks, `check-locks.ts`); absent when the kind has none.
   */
  lockProblems?: (doc: Y.Doc, touched: TouchedContent) => InputProblem[];
}

function byProperty(
  references: readonly Reference[],
): ReadonlyMap<string, ReadonlyMap<string, Reference>> {
  const out = new Map<string, Map<string, Reference>>();
  for (const reference of references) {
    let properties = out.get(reference.collection);
    if (!properties) out.set(reference.collection, (properties = new Map()));
    properties.set(reference.property, reference);
  }
  return out;
}

function rootSchema(schema: z.ZodType): RootSchema {
  const object = schema as ObjectSchema;
  const properties = new Map(Object.entries(object.shape).filter(([key]) => key !== 'id'));
  const required = new Set(
    [...properties].filter(([, s]) => !s.safeParse(undefined).success).map(([key]) => key),
  );
  return { schema: object, properties, required };
}

function collectionSchema(schema: z.ZodType): RootSchema & { id: z.ZodType } {
  return { ...rootSchema(schema), id: (schema as ObjectSchema).shape.id! };
}

const one = (value: unknown): readonly string[] => (typeof value === 'string' ? [value] : []);
const many = (value: unknown): readonly string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const projectIds = (value: unknown): readonly string[] =>
  Array.isArray(value)
    ? value.flatMap((r: unknown) =>
        r !== null &&
        typeof r === 'object' &&
        typeof (r as { projectId?: unknown }).projectId === 'string'
          ? [(r as { projectId: string }).projectId]
          : [],
      )
    : [];

/** The element a view's focus names. */
const focusElement = (value: unknown): readonly string[] =>
  value !== null && typeof value === 'object'
    ? one((value as { elementId?: unknown }).elementId)
    : [];
/** The views a presentation's steps show. */
const stepViews = (value: unknown): readonly string[] =>
  Array.isArray(value)
    ? value.flatMap((s: unknown) =>
        s !== null && typeof s === 'object' ? one((s as { viewId?: unknown }).viewId) : [],
      )
    : [];

const MAP_LAYOUT: DocumentLayout = {
  authored: new Map(),
  values: new Map([
    ['meta', rootSchema(versioned(MapMeta, MAP_SCHEMA_VERSION))],
    ['axis', rootSchema(LifeLineAxis)],
    [FACILITATION_KEY, rootSchema(Facilitation)],
  ]),
  collections: new Map([
    ['fields', collectionSchema(Field)],
    ['elements', collectionSchema(MapElement)],
    ['links', collectionSchema(MapLink)],
    ['loops', collectionSchema(KeptLoop)],
    ['views', collectionSchema(MapView)],
    ['presentations', collectionSchema(Presentation)],
  ]),
  references: byProperty([
    { collection: 'links', property: 'from', targets: ['elements'], ids: one },
    { collection: 'links', property: 'to', targets: ['elements'], ids: one },
    { collection: 'loops', property: 'linkIds', targets: ['links'], ids: many },
    { collection: 'views', property: 'fieldIds', targets: ['fields'], ids: many },
    { collection: 'views', property: 'loopId', targets: ['loops'], ids: one },
    { collection: 'views', property: 'focus', targets: ['elements'], ids: focusElement },
    { collection: 'presentations', property: 'steps', targets: ['views'], ids: stepViews },
  ]),
  lockProblems: mapLockProblems,
};

const WORKSPACE_LAYOUT: DocumentLayout = {
  authored: new Map([
    [
      'votes',
      {
        ownerProperty: 'participantId',
        targetProperty: 'targetId',
        targets: ['focusAreas', 'innovationAreas'],
      },
    ],
  ]),
  values: new Map([['settings', rootSchema(versioned(ProcessSettings, WORKSPACE_SCHEMA_VERSION))]]),
  collections: new Map(
    Object.entries(WORKSPACE_COLLECTIONS).map(([name, schema]) => [name, collectionSchema(schema)]),
  ),
  references: byProperty([
    { collection: 'focusAreas', property: 'challengeId', targets: ['challenges'], ids: one },
    {
      collection: 'votes',
      property: 'targetId',
      targets: ['focusAreas', 'innovationAreas'],
      ids: one,
    },
    { collection: 'insights', property: 'challengeIds', targets: ['challenges'], ids: many },
    { collection: 'innovationAreas', property: 'challengeIds', targets: ['challenges'], ids: many },
    { collection: 'innovationAreas', property: 'insightIds', targets: ['insights'], ids: many },
    { collection: 'portfolios', property: 'challengeIds', targets: ['challenges'], ids: many },
    { collection: 'projects', property: 'portfolioId', targets: ['portfolios'], ids: one },
    {
      collection: 'projects',
      property: 'innovationAreaIds',
      targets: ['innovationAreas'],
      ids: many,
    },
    { collection: 'projects', property: 'relations', targets: ['projects'], ids: projectIds },
  ]),
};

/** The layout of a kind of document. */
export function documentLayout(kind: CheckedDocumentKind): DocumentLayout {
  return kind === 'map' ? MAP_LAYOUT : WORKSPACE_LAYOUT;
}
