/**
 * The content of a new map: one of the templates in `packages/server/templates/`, which are
 * ordinary map files in the native format (so a template is made or changed by exporting a
 * map), read once through the same parser as an import and checked to hold no elements.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  MAP_TEMPLATES,
  parseMapFile,
  writeMap,
  type MapSnapshot,
  type MapTemplateId,
} from '@helhet/model';
import { encodeDocument } from '../documents/live.ts';

const TEMPLATE_FOLDER = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The file a template is kept in. */
export function templateFile(id: MapTemplateId): string {
  return `${TEMPLATE_FOLDER}${id}.helhet.json`;
}

/**
 * Reads and validates a template file; a broken template is an error naming the file and the
 * field, never a map that silently lacks its fields.
 */
export function readTemplate(file: string): MapSnapshot {
  let untrusted: unknown;
  try {
    untrusted = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`map template ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = parseMapFile(untrusted);
  if (!parsed.ok)
    throw new Error(
      `map template ${file}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  const map = parsed.value;
  if (map.fields.length === 0) throw new Error(`map template ${file}: fields: none`);
  if (map.elements.length + map.links.length + map.loops.length > 0)
    throw new Error(`map template ${file}: elements: a template holds fields and axis only`);
  return map;
}

let templates: Map<MapTemplateId, MapSnapshot> | null = null;

/** Every template, read on first use. */
export function mapTemplates(): ReadonlyMap<MapTemplateId, MapSnapshot> {
  templates ??= new Map(MAP_TEMPLATES.map((id) => [id, readTemplate(templateFile(id))]));
  return templates;
}

/** A new map titled `title` with the axis, fields and guide (description) of `template`. */
export function mapFromTemplate(title: string, template: MapTemplateId = 'gigamap'): MapSnapshot {
  const map = structuredClone(mapTemplates().get(template)!);
  return { ...map, meta: { ...map.meta, title, example: false } };
}

/** Encodes a map as the Yjs update that creates its document. */
export function encodeMap(map: MapSnapshot): Uint8Array {
  return encodeDocument((doc) => writeMap(doc, map, 'create'));
}
