import { N_AGES, N_SEXES } from '../constants.ts';
import type { Municipality } from '../parse/municipalities.ts';
import type { Projection } from '../projection/engine.ts';

const CELL = N_SEXES * N_AGES;

/** A region as a set of municipality indices: a municipality, a county or the country. */
export interface Region {
  readonly code: string;
  readonly name: string;
  readonly level: 'kommune' | 'fylke' | 'land';
  readonly members: readonly number[];
}

/** Every county (sum of its municipalities) and the country (sum of all), from the list. */
export function regionsOf(municipalities: readonly Municipality[]): Region[] {
  const counties = new Map<string, { name: string; members: number[] }>();
  municipalities.forEach((m, i) => {
    const c = counties.get(m.countyCode) ?? { name: m.countyName, members: [] };
    c.members.push(i);
    counties.set(m.countyCode, c);
  });
  return [
    { code: '0', name: 'Norge', level: 'land', members: municipalities.map((_, i) => i) },
    ...[...counties]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([code, c]) => ({ code, name: c.name, level: 'fylke' as const, members: c.members })),
    ...municipalities.map((m, i) => ({
      code: m.code,
      name: m.name,
      level: 'kommune' as const,
      members: [i],
    })),
  ];
}

/** A region's projection: population `[(y * 2 + s) * 106 + a]` and components per step. */
export interface RegionProjection {
  readonly region: Region;
  readonly baseYear: number;
  readonly population: Float64Array;
  readonly births: Float64Array;
  readonly deaths: Float64Array;
  readonly migration: Float64Array;
}

/** Sums the members of a region in every year; counties and the country are sums by design. */
export function aggregate(p: Projection, region: Region): RegionProjection {
  const nM = p.codes.length;
  const years = p.toYear - p.baseYear + 1;
  const population = new Float64Array(years * CELL);
  const deaths = new Float64Array((years - 1) * CELL);
  const migration = new Float64Array((years - 1) * CELL);
  const births = new Float64Array((years - 1) * N_SEXES);
  for (let y = 0; y < years; y++) {
    for (const m of region.members) {
      const o = (y * nM + m) * CELL;
      for (let k = 0; k < CELL; k++) population[y * CELL + k]! += p.population[o + k]!;
      if (y < years - 1) {
        for (let k = 0; k < CELL; k++) {
          deaths[y * CELL + k]! += p.deaths[o + k]!;
          migration[y * CELL + k]! += p.migration[o + k]!;
        }
        births[y * 2]! += p.births[(y * nM + m) * 2]!;
        births[y * 2 + 1]! += p.births[(y * nM + m) * 2 + 1]!;
      }
    }
  }
  return { region, baseYear: p.baseYear, population, births, deaths, migration };
}

/** Components of change of one year for a region. */
export interface ComponentsOfChange {
  readonly year: number;
  readonly populationStart: number;
  readonly births: number;
  readonly deaths: number;
  readonly netMigration: number;
  readonly naturalIncrease: number;
  readonly populationEnd: number;
}

/** Births, deaths and net migration per projected year (year = the year they happen in). */
export function componentsOfChange(r: RegionProjection): ComponentsOfChange[] {
  const steps = r.births.length / 2;
  const out: ComponentsOfChange[] = [];
  for (let st = 0; st < steps; st++) {
    let start = 0;
    let end = 0;
    let deaths = 0;
    let mig = 0;
    for (let k = 0; k < CELL; k++) {
      start += r.population[st * CELL + k]!;
      end += r.population[(st + 1) * CELL + k]!;
      deaths += r.deaths[st * CELL + k]!;
      mig += r.migration[st * CELL + k]!;
    }
    const births = r.births[st * 2]! + r.births[st * 2 + 1]!;
    out.push({
      year: r.baseYear + st,
      populationStart: start,
      births,
      deaths,
      netMigration: mig,
      naturalIncrease: births - deaths,
      populationEnd: end,
    });
  }
  return out;
}
