/**
 * Schema migrations of documents and files. The real lists are empty (version 1 is today's
 * layout), so the runner is checked with synthetic older versions generated here from the
 * demo map: a file and a document in a made-up earlier shape must come out in today's.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  documentSchemaVersion,
  migrateDocument,
  migrateFile,
  type DocumentSchema,
  type FileSchema,
} from './migrations.ts';
import { createDemoMap } from '../map/demo.ts';
import { parseMapFile, toMapFile } from '../map/native-format.ts';
import { migrateMapDocument } from '../map/migrations.ts';
import { readMap, writeMap } from '../map/ydoc.ts';
import { migrateWorkspaceFile, migrateWorkspaceDocument } from '../workspace/migrations.ts';
import { toWorkspaceFile } from '../workspace/file.ts';
import { createDemoWorkspaceContent } from '../workspace/demo.ts';
import { writeWorkspace } from '../workspace/ydoc.ts';

type Json = Record<string, unknown>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * A made-up history of the map file: version 1 called the title `name` and stored positions as
 * `position: { x, y }`; version 2 renamed `name` to `title`; version 3 split the position.
 */
const SYNTHETIC_FILE: FileSchema = {
  format: 'helhet-map',
  current: 3,
  migrations: [
    {
      version: 2,
      description: 'meta.name is now meta.title',
      up: (file) => {
        const { name, ...meta } = file.meta as Json;
        return { ...file, meta: { title: name, ...meta } };
      },
    },
    {
      version: 3,
      description: 'elements have x and y instead of position',
      up: (file) => ({
        ...file,
        elements: (file.elements as Json[]).map(({ position, ...e }) => ({
          ...e,
          ...(position as { x: number; y: number }),
        })),
      }),
    },
  ],
};

/** Today's export of the demo map, rewritten into the synthetic version 1 shape. */
function syntheticVersion1(): Json {
  const today = clone(toMapFile(createDemoMap())) as unknown as Json;
  const { title, ...meta } = today.meta as Json;
  return {
    ...today,
    version: 1,
    meta: { name: title, ...meta },
    elements: (today.elements as Json[]).map(({ x, y, ...e }) => ({ ...e, position: { x, y } })),
  };
}

describe('file migrations', () => {
  it('bring a synthetic version 1 file to today’s shape, running each step once in order', () => {
    const today = clone(toMapFile(createDemoMap())) as unknown as Json;
    const migrated = migrateFile(syntheticVersion1(), SYNTHETIC_FILE);
    expect(migrated).toEqual({ ok: true, value: { ...today, version: 3 } });
    // A file already at version 2 only runs the step to 3.
    const ran: number[] = [];
    const counted: FileSchema = {
      ...SYNTHETIC_FILE,
      migrations: SYNTHETIC_FILE.migrations.map((m) => ({
        ...m,
        up: (file) => (ran.push(m.version), m.up(file)),
      })),
    };
    const v2 = migrateFile({ ...syntheticVersion1(), version: 2, meta: today.meta }, counted);
    expect(v2).toEqual({ ok: true, value: { ...today, version: 3 } });
    expect(ran).toEqual([3]);
    migrateFile(syntheticVersion1(), counted);
    expect(ran).toEqual([3, 2, 3]);
  });

  it('refuse a file from a newer release and pass other input on to validation', () => {
    const newer = migrateFile({ format: 'helhet-map', version: 4 }, SYNTHETIC_FILE);
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.problems[0]?.path).toBe('version');
    expect(migrateFile('text', SYNTHETIC_FILE)).toEqual({ ok: true, value: 'text' });
    expect(migrateFile({ format: 'kumu' }, SYNTHETIC_FILE)).toEqual({
      ok: true,
      value: { format: 'kumu' },
    });
  });

  it('today’s version 1 map file imports, and a newer one is refused with its path', () => {
    const file = clone(toMapFile(createDemoMap()));
    expect(parseMapFile(file).ok).toBe(true);
    const newer = parseMapFile({ ...file, version: 2 });
    expect(newer.ok === false && newer.problems).toEqual([
      {
        path: 'version',
        message: 'written by a newer Helhet (version 2; this release reads up to 1)',
      },
    ]);
  });

  it('migrate every map inside a workspace file', () => {
    const demo = createDemoMap();
    const file = clone(
      toWorkspaceFile('W', [{ id: 'm', map: demo }], createDemoWorkspaceContent('m')),
    );
    const old = { ...file, maps: file.maps.map((m) => ({ ...m, map: syntheticVersion1() })) };
    const migrated = migrateWorkspaceFile(old, undefined, (m) => migrateFile(m, SYNTHETIC_FILE));
    expect(migrated.ok).toBe(true);
    if (!migrated.ok) return;
    const maps = (migrated.value as { maps: { map: Json }[] }).maps;
    expect(maps[0]!.map).toEqual({ ...(clone(toMapFile(demo)) as unknown as Json), version: 3 });
  });
});

/** A made-up document history: version 2 renamed the element property `name` to `label`. */
const SYNTHETIC_DOC: DocumentSchema = {
  versionMap: 'meta',
  current: 2,
  migrations: [
    {
      version: 2,
      description: 'elements: name is now label',
      up: (doc) => {
        for (const element of doc.getMap<Y.Map<unknown>>('elements').values()) {
          if (!element.has('name')) continue;
          element.set('label', element.get('name'));
          element.delete('name');
        }
      },
    },
  ],
};

/** The demo map as a document of the synthetic version 1 (no version recorded, `name`). */
function syntheticVersion1Doc(): Y.Doc {
  const doc = new Y.Doc();
  writeMap(doc, createDemoMap());
  doc.getMap('meta').delete('schemaVersion');
  for (const element of doc.getMap<Y.Map<unknown>>('elements').values()) {
    element.set('name', element.get('label'));
    element.delete('label');
  }
  return doc;
}

describe('document migrations', () => {
  it('bring a document without a recorded version to the current schema, once', () => {
    const doc = syntheticVersion1Doc();
    expect(readMap(doc).map.elements).toEqual([]);
    expect(migrateDocument(doc, SYNTHETIC_DOC)).toEqual({
      ok: true,
      from: 1,
      to: 2,
      changed: true,
    });
    const expected = new Y.Doc();
    writeMap(expected, createDemoMap());
    expect(readMap(doc).map).toEqual(readMap(expected).map);
    expect(documentSchemaVersion(doc, SYNTHETIC_DOC)).toBe(2);
    const before = Y.encodeStateVector(doc);
    expect(migrateDocument(doc, SYNTHETIC_DOC)).toEqual({
      ok: true,
      from: 2,
      to: 2,
      changed: false,
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuse a document from a newer release and leave it as it is', () => {
    const doc = syntheticVersion1Doc();
    doc.getMap('meta').set('schemaVersion', 3);
    const before = Y.encodeStateAsUpdate(doc);
    const result = migrateDocument(doc, SYNTHETIC_DOC);
    expect(result.ok).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('today’s documents are current: loading them writes nothing', () => {
    const map = new Y.Doc();
    writeMap(map, createDemoMap());
    expect(map.getMap('meta').get('schemaVersion')).toBe(1);
    const process = new Y.Doc();
    writeWorkspace(process, createDemoWorkspaceContent('m'));
    expect(process.getMap('settings').get('schemaVersion')).toBe(1);
    for (const [doc, migrate] of [
      [map, migrateMapDocument],
      [process, migrateWorkspaceDocument],
      [new Y.Doc(), migrateMapDocument],
    ] as const) {
      const before = Y.encodeStateAsUpdate(doc);
      expect(migrate(doc)).toMatchObject({ ok: true, changed: false });
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    }
  });
});
