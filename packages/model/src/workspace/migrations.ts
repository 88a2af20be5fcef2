/**
 * Schema versions of the process document and the workspace file, with their migrations
 * (the framework is `records/migrations.ts`). Version 1 is today's layout; no migration
 * exists yet. A workspace file's maps are native map files and migrate as such.
 */
import type * as Y from 'yjs';
import {
  defineSchemaVersions,
  migrateFile,
  type DocumentMigrationResult,
  type FileSchema,
} from '../records/migrations.ts';
import { migrateMapFile } from '../map/migrations.ts';
import type { InputProblem, Validated } from '../validation.ts';

/** Schema version of the process document written by this code (in `settings.schemaVersion`). */
export const WORKSPACE_SCHEMA_VERSION = 1;

/** Version of the workspace file format written by this code. */
export const WORKSPACE_FILE_VERSION = 1;

const WORKSPACE_VERSIONS = defineSchemaVersions({
  versionMap: 'settings',
  documentVersion: WORKSPACE_SCHEMA_VERSION,
  documentMigrations: [],
  format: 'helhet-workspace',
  fileVersion: WORKSPACE_FILE_VERSION,
  fileMigrations: [],
});

/** The process document's version and migrations. */
export const WORKSPACE_DOCUMENT_SCHEMA = WORKSPACE_VERSIONS.document;
/** The workspace file's version and migrations. */
export const WORKSPACE_FILE_SCHEMA = WORKSPACE_VERSIONS.file;

/** Brings a loaded process document to the current schema (run it when a document is loaded). */
export function migrateWorkspaceDocument(doc: Y.Doc): DocumentMigrationResult {
  return WORKSPACE_VERSIONS.migrateDocument(doc);
}

/**
 * Brings an untrusted workspace file, and each map file inside it, to the current versions
 * before it is validated.
 */
export function migrateWorkspaceFile(
  input: unknown,
  schema: FileSchema = WORKSPACE_FILE_SCHEMA,
  migrateMap: (map: unknown) => Validated<unknown> = migrateMapFile,
): Validated<unknown> {
  const migrated = migrateFile(input, schema);
  if (!migrated.ok) return migrated;
  const file = migrated.value;
  if (
    file === null ||
    typeof file !== 'object' ||
    !Array.isArray((file as { maps?: unknown }).maps)
  )
    return migrated;
  const problems: InputProblem[] = [];
  const maps = (file as { maps: unknown[] }).maps.map((entry, i) => {
    if (entry === null || typeof entry !== 'object') return entry;
    const result = migrateMap((entry as { map?: unknown }).map);
    if (result.ok) return { ...entry, map: result.value };
    problems.push(...result.problems.map((p) => ({ ...p, path: `maps[${i}].map.${p.path}` })));
    return entry;
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...file, maps } };
}
