/**
 * Schema versions of the map document and the native map file, with their migrations
 * (the framework is `records/migrations.ts`). Version 1 is today's layout (docs/map-document.md);
 * no migration exists yet. An incompatible change adds one migration to each list and bumps
 * the version it produces.
 */
import type * as Y from 'yjs';
import {
  migrateDocument,
  migrateFile,
  type DocumentMigrationResult,
  type DocumentSchema,
  type FileSchema,
} from '../records/migrations.ts';
import type { Validated } from '../validation.ts';
import { MAP_FILE_VERSION } from './schema.ts';

/** Schema version of the map document written by this code (in `meta.schemaVersion`). */
export const MAP_SCHEMA_VERSION = 1;

/** The map document's version and migrations. */
export const MAP_DOCUMENT_SCHEMA: DocumentSchema = {
  versionMap: 'meta',
  current: MAP_SCHEMA_VERSION,
  migrations: [],
};

/** The native file's version and migrations. */
export const MAP_FILE_SCHEMA: FileSchema = {
  format: 'helhet-map',
  current: MAP_FILE_VERSION,
  migrations: [],
};

/** Brings a loaded map document to the current schema (run it when a document is loaded). */
export function migrateMapDocument(doc: Y.Doc): DocumentMigrationResult {
  return migrateDocument(doc, MAP_DOCUMENT_SCHEMA);
}

/** Brings an untrusted native file to the current version before it is validated. */
export function migrateMapFile(input: unknown): Validated<unknown> {
  return migrateFile(input, MAP_FILE_SCHEMA);
}
