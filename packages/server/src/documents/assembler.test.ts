import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assembleDocument } from './assemble.ts';
import { Assembler } from './assembler.ts';

const assemblers: Assembler[] = [];
afterEach(async () => {
  for (const a of assemblers.splice(0)) await a.close();
});

/** A snapshot and 220 updates adding elements with some text and deleting some. */
function stored() {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', 'Stort kart');
  const snapshot = Y.encodeStateAsUpdate(doc);
  const updates: { seq: number; update: Uint8Array }[] = [];
  doc.on('update', (update: Uint8Array) => updates.push({ seq: updates.length + 1, update }));
  for (let i = 0; i < 200; i++)
    doc
      .getMap('elements')
      .set(`e${i}`, new Y.Map<unknown>([['label', `Element ${i} `.repeat(20)]]));
  // Deletions make the re-encoded state differ from the merged bytes (content is collected).
  for (let i = 0; i < 20; i++) doc.getMap('elements').delete(`e${i}`);
  return { doc, snapshot, updates };
}

it('assembles on the worker exactly what it assembles in place', async () => {
  const assembler = new Assembler(0);
  assemblers.push(assembler);
  const { doc, snapshot, updates } = stored();
  const encoded = assembleDocument(snapshot, updates, { encode: true }).state;
  const merged = assembleDocument(snapshot, updates).state;
  expect(Buffer.from(encoded).equals(Buffer.from(merged))).toBe(false);
  for (const options of [{}, { encode: true }]) {
    const onWorker = await assembler.assemble(snapshot, updates, options);
    const inPlace = assembleDocument(snapshot, updates, options);
    expect(Buffer.from(onWorker.state).equals(Buffer.from(inPlace.state))).toBe(true);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, onWorker.state);
    expect(copy.getMap('elements').toJSON()).toEqual(doc.getMap('elements').toJSON());
  }
});

it('refuses the jobs of a stopped worker and starts a new one for the next', async () => {
  const assembler = new Assembler(0);
  assemblers.push(assembler);
  const { snapshot, updates } = stored();
  const pending = assembler.assemble(snapshot, updates).then(
    () => 'assembled',
    (error: Error) => error.message,
  );
  await assembler.close();
  expect(await pending).toMatch(/closed/);
  const again = await assembler.assemble(snapshot, updates);
  expect(again.skippedSeqs).toEqual([]);
});
