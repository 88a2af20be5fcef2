import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoMap, exportNative, importNative } from '@helhet/model';
import { runImport } from './import.ts';
import { runExport } from './export.ts';

const dir = mkdtempSync(join(tmpdir(), 'helhet-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const quiet = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

describe('helhet import and export', () => {
  const demo = createDemoMap();
  const native = join(dir, 'demo.json');
  writeFileSync(native, exportNative(demo));

  it('converts native → each format → native, keeping elements and links', async () => {
    for (const to of ['kumu', 'graphml'] as const) {
      const file = join(dir, `demo.${to}`);
      await runExport([native], { to, output: file }, quiet(), quiet());
      const back = join(dir, `back-${to}.json`);
      await runImport([file], { output: back }, quiet(), quiet());
      const map = importNative(readFileSync(back, 'utf8'));
      if (!map.ok) throw new Error('not native');
      expect(map.value.elements.map((e) => [e.id, e.label])).toEqual(
        demo.elements.map((e) => [e.id, e.label]),
      );
      expect(map.value.links.map((l) => [l.id, l.from, l.to, l.polarity])).toEqual(
        demo.links.map((l) => [l.id, l.from, l.to, l.polarity]),
      );
    }
    const csvDir = join(dir, 'csv');
    await runExport([native], { to: 'csv', output: csvDir }, quiet(), quiet());
    const map = await runImport(
      [join(csvDir, 'elements.csv'), join(csvDir, 'links.csv')],
      { output: join(dir, 'from-csv.json') },
      quiet(),
      quiet(),
    );
    expect(map.links).toHaveLength(demo.links.length);
  });

  it('writes XMILE and refuses to export CSV to standard output', async () => {
    const file = join(dir, 'demo.xmile');
    await runExport([native], { to: 'xmile', output: file }, quiet(), quiet());
    expect(readFileSync(file, 'utf8')).toContain('<xmile');
    await expect(runExport([native], { to: 'csv' }, quiet(), quiet())).rejects.toThrow(
      /give a folder/,
    );
  });

  it('writes nothing when the input has problems, and lists them all', async () => {
    const elements = join(dir, 'e.csv');
    const links = join(dir, 'l.csv');
    writeFileSync(elements, 'label,x\nA,left\nB,1\n');
    writeFileSync(links, 'from,to,polarity\nA,B,+\nB,Z,+\n');
    const output = join(dir, 'never.json');
    await expect(runImport([elements, links], { output }, quiet(), quiet())).rejects.toThrow(
      /elements\.csv line 2 \(x\): "left" is not a number\nlinks\.csv line 3 \(to\): unknown element "Z"/,
    );
    expect(existsSync(output)).toBe(false);
  });

  it('reads a LOOPY link given on the command line', async () => {
    const map = await runImport(
      [
        'https://ncase.me/loopy/v1.1/?data=[[[1,0,0,1,%22a%22,0],[2,9,9,1,%22b%22,0]],[[1,2,0,1,0],[2,1,0,-1,0]],[],2%5D',
      ],
      { output: join(dir, 'loopy.json') },
      quiet(),
      quiet(),
    );
    expect(map.links.map((l) => l.polarity)).toEqual(['+', '-']);
  });
});
