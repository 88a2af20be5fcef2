import { describe, expect, it } from 'vitest';
import {
  aggregate,
  checkAccounting,
  estimateRates,
  planProjection,
  projectAll,
  regionsOf,
  N_AGES,
} from '@helhet/demografi';
import { readSnapshotFile } from '../snapshot-file.ts';
import { runProject } from './project.ts';
import { sink } from './sink.test-helper.ts';

const snapshot = readSnapshotFile();

describe('helhet project', () => {
  it('prints totals per municipality and year from base+1 to --to', async () => {
    const out = sink();
    await runProject({ base: 2024, to: 2050, totals: true, format: 'csv', snapshot }, out.stream);
    const lines = out.text().trim().split('\n');
    expect(lines[0]).toBe('kommunenummer,year,population');
    expect(lines).toHaveLength(1 + 357 * 26);
    expect(lines[1]).toMatch(/^0301,2025,\d+$/);
    expect(lines.at(-1)).toMatch(/^\d{4},2050,\d+$/);
  });

  it('prints sex and age rows for one municipality', async () => {
    const out = sink();
    await runProject(
      { base: 2024, to: 2026, kommune: ['3101'], totals: false, format: 'csv', snapshot },
      out.stream,
    );
    const lines = out.text().trim().split('\n');
    expect(lines[0]).toBe('kommunenummer,year,sex,age,population');
    expect(lines).toHaveLength(1 + 2 * 2 * 106);
    expect(lines[1]).toMatch(/^3101,2025,male,0,\d+$/);
  });

  it('ships 80 % intervals and indicators in JSON', async () => {
    const out = sink();
    await runProject(
      { base: 2024, to: 2030, kommune: ['0301'], totals: true, format: 'json', snapshot },
      out.stream,
    );
    const doc = JSON.parse(out.text());
    const y = doc.regions[0].years[6];
    expect(doc.credit).toBe('Kilde: Statistisk sentralbyrå (SSB)');
    expect(y.low80).toBeLessThan(y.population);
    expect(y.high80).toBeGreaterThan(y.population);
    expect(y.aldersbaereevne).toBeGreaterThan(1);
    expect(doc.regions[0].components).toHaveLength(6);
  });

  it('rejects an unknown municipality and a base outside the data', async () => {
    await expect(
      runProject(
        { base: 2024, to: 2030, kommune: ['9999'], totals: true, format: 'csv', snapshot },
        sink().stream,
      ),
    ).rejects.toThrow(/unknown municipality number "9999"/);
    await expect(
      runProject({ base: 2030, to: 2040, totals: true, format: 'csv', snapshot }, sink().stream),
    ).rejects.toThrow(/outside the data/);
  });
});

describe('accounting on the real data', () => {
  it('holds every identity for every municipality and year, and the country is the sum', () => {
    const plan = planProjection(estimateRates(snapshot, 2024), { toYear: 2050 });
    const p = projectAll(plan);
    expect(checkAccounting(p, 5)).toEqual([]);
    const regions = regionsOf(snapshot.municipalities);
    const country = aggregate(p, regions[0]!);
    const counties = regions.filter((r) => r.level === 'fylke').map((r) => aggregate(p, r));
    expect(counties).toHaveLength(15);
    const cell = 2 * N_AGES;
    for (const y of [0, 10, 26]) {
      let sumM = 0;
      for (let k = y * 357 * cell; k < (y + 1) * 357 * cell; k++) sumM += p.population[k]!;
      let sumC = 0;
      for (const c of counties) for (let k = 0; k < cell; k++) sumC += c.population[y * cell + k]!;
      let nat = 0;
      for (let k = 0; k < cell; k++) nat += country.population[y * cell + k]!;
      expect(Math.abs(nat - sumM)).toBeLessThan(1e-6);
      expect(Math.abs(sumC - sumM)).toBeLessThan(1e-6);
    }
    expect(Math.round(country.population.subarray(0, cell).reduce((a, b) => a + b, 0))).toBe(
      5_550_203,
    );
  });

  it('aligns to SSB MMMM totals while keeping the identities', () => {
    const plan = planProjection(estimateRates(snapshot, 2024), {
      toYear: 2050,
      scenario: { alignToSsb: true },
      ssbTotals: snapshot.ssbTotals,
    });
    const p = projectAll(plan);
    expect(checkAccounting(p, 5)).toEqual([]);
    const cell = 2 * N_AGES;
    const m = 0; // 0301 Oslo; SSB 14288 MMMM 2050 = 817 225 (data README)
    let t = 0;
    for (let k = 0; k < cell; k++) t += p.population[(26 * 357 + m) * cell + k]!;
    expect(t).toBeCloseTo(817_225, 6);
  });
});

describe('helhet project, counties and the country', () => {
  it('sums municipalities into a county and the country, with age groups in JSON', async () => {
    const csv = sink();
    await runProject(
      { base: 2024, to: 2025, kommune: ['0', '03', '0301'], totals: true, format: 'csv', snapshot },
      csv.stream,
    );
    const [, country, oslo, osloKommune] = csv.text().trim().split('\n');
    expect(country).toMatch(/^0,2025,\d+$/);
    expect(oslo!.split(',')[2]).toBe(osloKommune!.split(',')[2]); // Oslo is both county and municipality
    const json = sink();
    await runProject(
      {
        base: 2024,
        to: 2025,
        kommune: ['0'],
        totals: true,
        format: 'json',
        ageGroups: '0-19,20-66,67+',
        snapshot,
      },
      json.stream,
    );
    const doc = JSON.parse(json.text());
    expect(doc.regions[0].level).toBe('land');
    expect(doc.regions[0].years[0].population).toBe(5_550_203);
    expect(doc.regions[0].years[0].byAgeGroup.reduce((a: number, b: number) => a + b, 0)).toBe(
      5_550_203,
    );
  });
});

describe('helhet project --trajectories', () => {
  it('adds 10/50/90 % of stochastic trajectories to JSON', async () => {
    const out = sink();
    await runProject(
      {
        base: 2024,
        to: 2027,
        kommune: ['0301'],
        totals: true,
        format: 'json',
        trajectories: 8,
        snapshot,
      },
      out.stream,
    );
    const y = JSON.parse(out.text()).regions[0].years[3];
    expect(y.stochastic.p10).toBeLessThanOrEqual(y.stochastic.p50);
    expect(y.stochastic.p50).toBeLessThanOrEqual(y.stochastic.p90);
    expect(y.stochastic.p10).toBeLessThan(y.stochastic.p90);
  });
});
