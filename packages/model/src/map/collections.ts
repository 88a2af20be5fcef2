/**
 * The record collections of a map document, on the one record-collection layer
 * (`records/collection.ts`). Elements and links take the fast parse path: a map has
 * thousands of them.
 */
import { defineCollection } from '../records/collection.ts';
import { safeParseRecord } from './fast-parse.ts';
import { Field, KeptLoop, MapElement, MapLink, MapView, Presentation } from './schema.ts';

/** Fields (bands), keyed by field id. */
export const fieldCollection = defineCollection(Field, { name: 'fields', idPrefix: 'f' });

/** Elements, keyed by element id. */
export const elementCollection = defineCollection(MapElement, {
  name: 'elements',
  idPrefix: 'e',
  safeParse: (raw) => safeParseRecord(MapElement, raw),
});

/** Causal links, keyed by link id. */
export const linkCollection = defineCollection(MapLink, {
  name: 'links',
  idPrefix: 'l',
  safeParse: (raw) => safeParseRecord(MapLink, raw),
});

/** Loops the group kept and named, keyed by loop id. */
export const keptLoopCollection = defineCollection(KeptLoop, { name: 'loops', idPrefix: 'k' });

/** Saved views (named, shared filter and camera), keyed by view id. */
export const viewCollection = defineCollection(MapView, { name: 'views', idPrefix: 'v' });

/** Presentations (ordered steps of saved views), keyed by presentation id. */
export const presentationCollection = defineCollection(Presentation, {
  name: 'presentations',
  idPrefix: 'p',
});

/** The record collections of a map, by their document key. */
export const MAP_COLLECTIONS = {
  fields: fieldCollection,
  elements: elementCollection,
  links: linkCollection,
  loops: keptLoopCollection,
  views: viewCollection,
  presentations: presentationCollection,
} as const;

/** Document key of a map record collection. */
export type MapCollectionKey = keyof typeof MAP_COLLECTIONS;
