import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoMap, exportKumu, exportNative } from '@helhet/model';
import { runLoops } from './loops.ts';
import { sink } from './sink.test-helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'helhet-loops-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('helhet loops', () => {
  const demo = createDemoMap();
  const native = join(dir, 'demo.json');
  const kumu = join(dir, 'demo.kumu.json');
  writeFileSync(native, exportNative(demo));
  writeFileSync(kumu, JSON.stringify(exportKumu(demo)));

  it('prints the loops of a native file as JSON in the documented shape', async () => {
    const out = sink();
    await runLoops(native, { format: 'json' }, out.stream);
    const printed = JSON.parse(out.text()) as {
      loops: { elements: string[]; links: string[]; polarity: string }[];
      truncated: boolean;
    };
    expect(Object.keys(printed)).toEqual(['loops', 'truncated']);
    expect(printed.truncated).toBe(false);
    expect(printed.loops.length).toBeGreaterThan(0);
    for (const loop of printed.loops) {
      expect(Object.keys(loop)).toEqual(['elements', 'links', 'polarity']);
      expect(['R', 'B', '?']).toContain(loop.polarity);
    }
    // Shortest first.
    const lengths = printed.loops.map((l) => l.links.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('gives the same loops for the Kumu export of the same map, and honours budgets', async () => {
    const a = sink();
    const b = sink();
    await runLoops(native, { format: 'json' }, a.stream);
    await runLoops(kumu, { format: 'json' }, b.stream);
    expect(b.text()).toBe(a.text());
    const total = (JSON.parse(a.text()) as { loops: unknown[] }).loops.length;
    const limited = sink();
    await runLoops(native, { format: 'json', maxLoops: 1 }, limited.stream);
    expect(JSON.parse(limited.text())).toMatchObject({ truncated: total > 1 });
    expect((JSON.parse(limited.text()) as { loops: unknown[] }).loops).toHaveLength(1);
  });

  it('prints a readable table with labels', async () => {
    const out = sink();
    await runLoops(native, { format: 'table' }, out.stream);
    expect(out.text()).toMatch(/^[RB?] +\d+ +.+ → /m);
    expect(out.text()).toMatch(/\d+ loops \(R \d+, B \d+, \? \d+\)/);
  });

  it('refuses files that are not maps, naming the problem', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"helhet-map","version":1}');
    await expect(runLoops(bad, { format: 'json' }, sink().stream)).rejects.toThrow(
      /cannot be imported:\nmeta: /,
    );
  });
});
