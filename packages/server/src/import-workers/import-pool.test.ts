import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDemoMap, readMap, toMapFile } from '@helhet/model';
import { ImportPool, ImportQueueFullError, ImportWorkerError } from './import-pool.ts';

/** A body that owns its buffer whole, as the import routes hand over. */
function ownedBody(value: unknown): Uint8Array {
  const bytes = Buffer.from(JSON.stringify(value));
  const owned = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(owned);
  return owned;
}

/** A valid map file of roughly `elements` × 10 KB. */
function bigMapFile(elements: number) {
  const map = createDemoMap();
  const description = 'x'.repeat(9000);
  for (let i = 0; i < elements; i++)
    map.elements.push({ ...map.elements[0]!, id: `e-big-${i}`, description });
  return toMapFile(map);
}

describe('ImportPool', () => {
  it('parses, validates and encodes a map file on a worker, moving the body there', async () => {
    const pool = new ImportPool();
    try {
      const file = toMapFile(createDemoMap());
      const body = ownedBody(file);
      const outcome = await pool.run('map', body);
      expect(body.byteLength).toBe(0); // moved, not copied
      if (!outcome.ok || outcome.kind !== 'map') throw new Error('expected an encoded map');
      expect(outcome.map.title).toBe(file.meta.title);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, outcome.map.state);
      const read = readMap(doc).map;
      expect(read.elements.map((e) => e.id).sort()).toEqual(file.elements.map((e) => e.id).sort());
      expect(read.links).toHaveLength(file.links.length);
    } finally {
      await pool.close();
    }
  });

  it('answers bad input with every problem and its path, and bad JSON with a message', async () => {
    const pool = new ImportPool();
    try {
      const file = toMapFile(createDemoMap()) as unknown as { elements: { label: string }[] };
      file.elements[2]!.label = '';
      const outcome = await pool.run('map', ownedBody(file));
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.problems.map((p) => p.path)).toContain('elements[2].label');
      expect(outcome.message).toContain('elements[2].label');
      const json = await pool.run('workspace', Buffer.from('{"format": '));
      expect(json).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    } finally {
      await pool.close();
    }
  });

  it('fails the job of a worker that dies, and replaces the worker for the next one', async () => {
    // A heap too small for a 13 MB file makes the worker run out of memory: a real crash.
    const pool = new ImportPool({ resourceLimits: { maxOldGenerationSizeMb: 24 } });
    try {
      await expect(pool.run('map', ownedBody(bigMapFile(1500)))).rejects.toThrow(ImportWorkerError);
      expect(pool.workers).toBe(0);
      const outcome = await pool.run('map', ownedBody(toMapFile(createDemoMap())));
      expect(outcome.ok).toBe(true);
      expect(pool.workers).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('refuses jobs beyond its queue instead of holding every body in memory', async () => {
    const pool = new ImportPool({ size: 1, maxQueued: 1 });
    try {
      const file = toMapFile(createDemoMap());
      const running = pool.run('map', ownedBody(file));
      const queued = pool.run('map', ownedBody(file));
      await expect(pool.run('map', ownedBody(file))).rejects.toThrow(ImportQueueFullError);
      expect((await running).ok && (await queued).ok).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
