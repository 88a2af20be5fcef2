import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AGE_CODES_07459, type FetchLike } from '@helhet/demografi';
import { DEFAULT_DATA_DIR, DEFAULT_SNAPSHOT_PATH, readSnapshotFile } from '../snapshot-file.ts';
import { runDataBuild, runDataUpdate } from './data.ts';

const tmp = mkdtempSync(join(tmpdir(), 'helhet-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const quiet = () => {};

describe('helhet data build', () => {
  it('builds a snapshot under 5 MB from the data folder that loads back', () => {
    const out = join(tmp, 'built.json.gz');
    const bytes = runDataBuild({ out, log: quiet });
    expect(bytes).toBeLessThan(5e6);
    const s = readSnapshotFile(out);
    expect(s.municipalities).toHaveLength(357);
    expect(s.errorBands?.horizons).toHaveLength(10);
    expect(s.provenance.credit).toBe('Kilde: Statistisk sentralbyrå (SSB)');
  });

  it('leaves the previous snapshot untouched when a file is malformed', () => {
    const dataDir = join(tmp, 'data');
    cpSync(DEFAULT_DATA_DIR, dataDir, {
      recursive: true,
      filter: (src) => !src.includes('/geo') && !src.includes('hmd_norway_raw'),
    });
    const pop = join(dataDir, 'population/population_by_region_sex_age_k2024.csv');
    chmodSync(pop, 0o644);
    const lines = readFileSync(pop, 'utf8').split('\n');
    lines[10] = lines[10]!.replace(/^(\w+),(\d+),(\d+),(male|female),/, '$1,$2,$4,$3,');
    writeFileSync(pop, lines.join('\n'));
    const out = join(tmp, 'kept.json.gz');
    writeFileSync(out, 'previous');
    expect(() => runDataBuild({ dataDir, out, log: quiet })).toThrow(
      /population_by_region_sex_age_k2024\.csv:11 field "year": not a plausible year/,
    );
    expect(readFileSync(out, 'utf8')).toBe('previous');
  });
});

describe('helhet data update', () => {
  it('fails cleanly offline and keeps the snapshot', async () => {
    const path = join(tmp, 'offline.json.gz');
    cpSync(DEFAULT_SNAPSHOT_PATH, path);
    const before = readFileSync(path);
    const offline: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(runDataUpdate({ fetch: offline, snapshot: path, log: quiet })).rejects.toThrow(
      /cannot reach SSB/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('rebuilds the snapshot from JSON-stat answers', async () => {
    const path = join(tmp, 'update.json.gz');
    cpSync(DEFAULT_SNAPSHOT_PATH, path);
    const old = readSnapshotFile(path);
    const years = old.population.years.map(String);
    const fetch: FetchLike = async (url) => {
      const param = (name: string) =>
        decodeURIComponent(new RegExp(`valueCodes\\[${name}\\]=([^&]*)`).exec(url)![1]!).split(',');
      if (url.includes('/metadata'))
        return {
          ok: true,
          status: 200,
          statusText: 'OK',
          json: async () => ({ dimension: { Tid: { category: { index: years } } } }),
        };
      const regions = param('Region');
      const tid = param('Tid');
      const value: number[] = [];
      // Same figures as the snapshot, in SSB's storage order (Region, Kjonn, Alder, ContentsCode, Tid).
      for (let r = 0; r < regions.length; r++)
        for (let s = 0; s < 2; s++)
          for (let a = 0; a < 106; a++)
            for (const y of tid)
              value.push(
                old.population.counts[
                  (((Number(y) - old.population.years[0]!) * 357 + r) * 2 + s) * 106 + a
                ]!,
              );
      const idx = (codes: readonly string[]) => ({
        index: Object.fromEntries(codes.map((c, i) => [c, i])),
      });
      const doc = {
        version: '2.0',
        class: 'dataset',
        id: ['Region', 'Kjonn', 'Alder', 'ContentsCode', 'Tid'],
        size: [regions.length, 2, 106, 1, tid.length],
        dimension: {
          Region: { category: idx(regions) },
          Kjonn: { category: idx(['1', '2']) },
          Alder: { category: idx(AGE_CODES_07459) },
          ContentsCode: { category: idx(['Personer1']) },
          Tid: { category: idx(tid) },
        },
        value,
      };
      return { ok: true, status: 200, statusText: 'OK', json: async () => doc };
    };
    await runDataUpdate({
      fetch,
      snapshot: path,
      log: quiet,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const s = readSnapshotFile(path);
    expect(s.population.counts).toEqual(old.population.counts);
    expect(s.provenance.builtAt).toBe('2026-01-01T00:00:00.000Z');
    expect(s.errorBands).not.toBeNull();
  });
});
