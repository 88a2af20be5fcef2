import { describe, expect, it } from 'vitest';
import { AGE_CODES_07459, fetchPopulation07459, pxwebDataUrl, type FetchLike } from './client.ts';
import { updateSnapshotFromSsb } from './update.ts';
import { buildSnapshot } from '../snapshot/build.ts';
import { syntheticDataTexts } from '../snapshot/fixture.test-helper.ts';

/** A JSON-stat 2.0 answer for 07459 as PxWebApi v2 shapes it: Region, Kjonn, Alder, ContentsCode, Tid. */
function doc07459(
  codes: string[],
  years: string[],
  value: (c: string, s: string, a: number, y: string) => number | null,
) {
  const values: (number | null)[] = [];
  for (const c of codes)
    for (const s of ['1', '2'])
      for (let a = 0; a < 106; a++) for (const y of years) values.push(value(c, s, a, y));
  return {
    version: '2.0',
    class: 'dataset',
    label: '07459: Befolkning',
    id: ['Region', 'Kjonn', 'Alder', 'ContentsCode', 'Tid'],
    size: [codes.length, 2, 106, 1, years.length],
    dimension: {
      Region: {
        label: 'region',
        category: { index: Object.fromEntries(codes.map((c, i) => [c, i])) },
      },
      Kjonn: { label: 'kjønn', category: { index: { '1': 0, '2': 1 } } },
      Alder: {
        label: 'alder',
        category: { index: Object.fromEntries(AGE_CODES_07459.map((c, i) => [c, i])) },
      },
      ContentsCode: { label: 'statistikkvariabel', category: { index: { Personer1: 0 } } },
      Tid: { label: 'år', category: { index: Object.fromEntries(years.map((y, i) => [y, i])) } },
    },
    value: values,
  };
}

function fakeSsb(
  years: string[],
  value: (c: string, s: string, a: number, y: string) => number | null,
): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  const fetch: FetchLike = async (url) => {
    urls.push(url);
    const body = url.includes('/metadata')
      ? {
          dimension: {
            Tid: { category: { index: Object.fromEntries(years.map((y, i) => [y, i])) } },
          },
        }
      : (() => {
          const param = (name: string) =>
            decodeURIComponent(new RegExp(`valueCodes\\[${name}\\]=([^&]*)`).exec(url)![1]!).split(
              ',',
            );
          return doc07459(param('Region'), param('Tid'), value);
        })();
    return { ok: true, status: 200, statusText: 'OK', json: async () => body };
  };
  return { fetch, urls };
}

describe('PxWebApi v2 client', () => {
  it('builds v2 data URLs with valueCodes per dimension', () => {
    expect(pxwebDataUrl('07459', { Region: ['0301'], Tid: ['2024', '2025'] })).toBe(
      'https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?lang=no&outputFormat=json-stat2&valueCodes[Region]=0301&valueCodes[Tid]=2024,2025',
    );
  });

  it('reads 07459 into the snapshot layout (sex 0 = Kjonn 1)', async () => {
    const { fetch } = fakeSsb(
      ['2024'],
      (c, s, a) => (c === '0301' ? 1000 : 0) + Number(s) * 200 + a,
    );
    const counts = await fetchPopulation07459(fetch, ['0301', '1101'], [2024]);
    expect(counts[0]).toBe(1200);
    expect(counts[106 + 105]).toBe(1505);
    expect(counts[212 + 7]).toBe(207); // 1101, men, age 7
  });

  it('names the URL and cell of a missing value', async () => {
    const { fetch } = fakeSsb(['2024'], (c, _s, a) => (c === '1101' && a === 50 ? null : 1));
    await expect(fetchPopulation07459(fetch, ['0301', '1101'], [2024])).rejects.toThrow(
      /07459.*missing value for 1101, 2024, Kjonn 1, Alder 050/,
    );
  });

  it('updates a snapshot from SSB, years from the first snapshot year to the latest published', async () => {
    const snap = buildSnapshot(syntheticDataTexts(), 'x');
    const { fetch, urls } = fakeSsb(
      ['2015', '2016', '2017', '2018', '2019', '2020', '2021'],
      () => 3,
    );
    const updated = await updateSnapshotFromSsb(snap, fetch, '2026-01-01');
    expect(updated.population.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021]);
    expect(updated.population.counts.every((v) => v === 3)).toBe(true);
    expect(urls[0]).toContain('/tables/07459/metadata');
    expect(updated.provenance.notes.at(-1)).toMatch(/PxWebApi v2/);
    expect(snap.population.years).toEqual([2016, 2017, 2018, 2019, 2020]); // input untouched
  });

  it('fails with a clear message when offline', async () => {
    const snap = buildSnapshot(syntheticDataTexts(), 'x');
    const offline: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(updateSnapshotFromSsb(snap, offline, 'x')).rejects.toThrow(
      /cannot reach SSB.*offline\? The current snapshot is kept/,
    );
  });
});
