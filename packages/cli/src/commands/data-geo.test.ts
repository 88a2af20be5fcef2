import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_TOPOLOGY_PATH, runDataGeo } from './data-geo.ts';

const dir = mkdtempSync(join(tmpdir(), 'helhet-geo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('helhet data geo', () => {
  it('rebuilds the committed boundaries byte for byte from the data folder', () => {
    const out = join(dir, 'kommuner.topojson');
    const lines: string[] = [];
    runDataGeo({ out, log: (l) => lines.push(l) });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(DEFAULT_TOPOLOGY_PATH, 'utf8'));
    expect(lines[0]).toMatch(/357 municipalities/);
  });

  it('refuses boundaries that miss a municipality of the snapshot, writing nothing', () => {
    const data = join(dir, 'data');
    mkdirSync(join(data, 'geo'), { recursive: true });
    writeFileSync(
      join(data, 'geo/Kommuner-S.topojson'),
      JSON.stringify({
        type: 'Topology',
        objects: {
          K: {
            type: 'GeometryCollection',
            geometries: [{ type: 'Polygon', arcs: [[0]], properties: { kommunenummer: '0301' } }],
          },
        },
        arcs: [
          [
            [10, 59],
            [11, 59],
            [11, 60],
            [10, 59],
          ],
        ],
      }),
    );
    const out = join(dir, 'partial.topojson');
    expect(() => runDataGeo({ dataDir: data, out, log: () => {} })).toThrow(
      /has no boundary for municipality .*1101/,
    );
    expect(() => readFileSync(out)).toThrow();
  });
});
