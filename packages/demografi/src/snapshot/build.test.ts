import { describe, expect, it } from 'vitest';
import { DataError } from '../parse/errors.ts';
import { buildSnapshot, DATA_FILES } from './build.ts';
import { encodeSnapshot, loadSnapshot } from './codec.ts';
import { syntheticDataTexts } from './fixture.test-helper.ts';

// A global in Node and browsers; the package compiles against the plain ES library.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

describe('buildSnapshot', () => {
  it('builds a snapshot with provenance and round-trips it bit for bit', () => {
    const s = buildSnapshot(syntheticDataTexts(), '2026-01-01T00:00:00.000Z');
    expect(s.population.years).toEqual([2016, 2017, 2018, 2019, 2020]);
    expect(s.provenance.credit).toBe('Kilde: Statistisk sentralbyrå (SSB)');
    expect(s.provenance.hmdHfdCitation).toMatch(/Human Mortality Database/);
    expect(s.provenance.sources.map((x) => x.id)).toContain('SSB 07459');
    const back = loadSnapshot(JSON.stringify(encodeSnapshot(s)));
    expect(back.population.counts).toEqual(s.population.counts);
    expect(back.mortality.exposure).toEqual(s.mortality.exposure);
    expect(Array.from(back.kostra.fields.Y_3_a_0_66).every(Number.isNaN)).toBe(true);
    expect(back.kostra.fields.Y_5_ialt[0]).toBe(25.5);
    expect(back.ssbTotals.values).toEqual(s.ssbTotals.values);
  });

  it('loads from UTF-8 bytes and rejects other formats or versions', () => {
    const s = buildSnapshot(syntheticDataTexts(), 'x');
    const enc = encodeSnapshot(s);
    expect(loadSnapshot(new TextEncoder().encode(JSON.stringify(enc))).municipalities).toHaveLength(
      2,
    );
    expect(() => loadSnapshot({ ...enc, version: 99 })).toThrow(/version 99/);
    expect(() => loadSnapshot({ ...enc, format: 'other' })).toThrow(/not a Helhet/);
  });

  it('names file, line and field for a negative count', () => {
    const t = syntheticDataTexts();
    const lines = t.population.split('\n');
    lines[3] = lines[3]!.replace(/^(kommune,\d+,\d+,\w+,)(\d+)/, '$1-7');
    t.population = lines.join('\n');
    expect(() => buildSnapshot(t, 'x')).toThrow(DataError);
    expect(() => buildSnapshot(t, 'x')).toThrow(
      `${DATA_FILES.population}:4 field "a0": negative count -7`,
    );
  });

  it('rejects totals that disagree with the population by age', () => {
    const t = syntheticDataTexts();
    t.municipalTotals = t.municipalTotals.replace(
      /^0301,2020,(\d+),observed$/m,
      (_, v: string) => `0301,2020,${Number(v) + 1},observed`,
    );
    expect(() => buildSnapshot(t, 'x')).toThrow(/municipality 0301 2020: total \d+ differs/);
  });

  it('rejects an unknown municipality in the KOSTRA panel', () => {
    const t = syntheticDataTexts();
    t.kostra = t.kostra.replace('"1101",2016,"1101"', '"1199",2016,"1101"');
    expect(() => buildSnapshot(t, 'x')).toThrow(
      /kostra\/paneldata_2007_2024_2024struktur\.csv:7 field "kommunenr_2024": unknown municipality number "1199"/,
    );
  });
});
