/**
 * The Fremtid 2040 computations, on top of the projection engine of this package: one
 * region's report (history + projection under a scenario, pyramid, indicators, components,
 * care), comparisons and map values. Pure and synchronous, so the web app's worker and the CLI
 * only wrap it, and the tests run it in Node on the committed snapshot.
 *
 * The model works on a region extract (`extractRegion`): the rates
 * the server estimated once from the whole snapshot, and the observed population of the
 * extract's municipalities. The country's extract answers everything; a municipality's or
 * county's answers that region's reports alone, with the same numbers, so a page can show
 * its region long before the whole country has arrived.
 */
import { N_AGES, N_SEXES, SSB_CREDIT } from '../constants.ts';
import { intervalFor } from '../backtest/intervals.ts';
import { DEFAULT_CARE_ASSUMPTIONS, projectCare, type CareAssumptions } from '../care/needs.ts';
import type { CareRates } from '../care/coverage.ts';
import { indicators, sumAges } from '../indicators/indicators.ts';
import { componentsOfChange, regionsOf, type Region } from '../indicators/regions.ts';
import {
  allocateMunicipalProjection,
  projectOne,
  type MunicipalProjection,
} from '../projection/engine.ts';
import { planProjection, type ProjectionPlan } from '../projection/plan.ts';
import type { Rates } from '../projection/rates.ts';
import type { Scenario } from '../projection/scenario.ts';
import type { RegionExtract } from '../snapshot/region-extract.ts';
import { MAIN_SCENARIO, type ScenarioParams } from './scenario-params.ts';
import type {
  CentralityTotals,
  ComparisonRow,
  FremtidMeta,
  IndicatorKey,
  MapIndicator,
  MapValues,
  RegionReport,
} from './report-types.ts';

const CELL = N_SEXES * N_AGES;
/** Last year shown: SSB's municipal projections (14288, 2024 round) also end here. */
export const TO_YEAR = 2050;
/** Year of the "2040" key figures and comparisons. */
export const YEAR_2040 = 2040;

/** Five-year groups 0–4 … 95–99 and 100+ of the pyramid. */
export const PYRAMID_GROUPS: readonly string[] = Array.from({ length: 21 }, (_, g) =>
  g === 20 ? '100+' : `${g * 5}–${g * 5 + 4}`,
);

/** Per municipality and year (`m * nYears + y`): the sums every regional indicator needs. */
interface NationalTable {
  readonly total: Float64Array;
  readonly working: Float64Array;
  readonly old67: Float64Array;
  readonly old80: Float64Array;
  readonly fte: Float64Array;
  readonly workforce: Float64Array;
}

/**
 * The model behind the worker; construct once per region extract. Municipality indices `m`
 * below are the snapshot's (as in `Region.members`); `local[m]` is where the extract keeps
 * that municipality's data (rates, observed population).
 */
export class FremtidModel {
  readonly data: RegionExtract;
  readonly rates: Rates;
  readonly care: CareRates;
  readonly meta: FremtidMeta;
  readonly years: readonly number[];
  private readonly regions: Map<string, Region>;
  /** Index in the extract's data of each snapshot municipality; −1 when not in the extract. */
  private readonly local: Int32Array;
  /** Index in the care rates of each of the extract's municipalities; −1 without KOSTRA data. */
  private readonly careIndex: Int32Array;
  private readonly plans = new Map<string, ProjectionPlan>();
  private scratch: MunicipalProjection | null = null;
  private table: NationalTable | null = null;

  constructor(data: RegionExtract) {
    this.data = data;
    const popYears = data.population.years;
    this.rates = data.rates;
    this.care = data.care;
    this.local = new Int32Array(data.municipalities.length).fill(-1);
    data.members.forEach((m, i) => (this.local[m] = i));
    const careByCode = new Map(this.care.codes.map((c, i) => [c, i]));
    this.careIndex = Int32Array.from(this.rates.codes, (c) => careByCode.get(c) ?? -1);
    this.regions = new Map(regionsOf(data.municipalities).map((r) => [r.code, r]));
    this.years = Array.from({ length: TO_YEAR - popYears[0]! + 1 }, (_, i) => popYears[0]! + i);
    const main = this.plan(MAIN_SCENARIO);
    const e0 = (st: number) =>
      (main.lifeExpectancy[st * 2]! + main.lifeExpectancy[st * 2 + 1]!) / 2;
    const counties = new Map<string, string>();
    for (const m of data.municipalities) counties.set(m.countyCode, m.countyName);
    this.meta = {
      municipalities: data.municipalities.map((m) => ({
        code: m.code,
        name: m.name,
        countyCode: m.countyCode,
        countyName: m.countyName,
        centralityClass: m.centralityClass,
      })),
      counties: [...counties].sort().map(([code, name]) => ({ code, name })),
      firstYear: popYears[0]!,
      baseYear: this.rates.baseYear,
      toYear: TO_YEAR,
      baseTfr: this.rates.asfr.reduce((a, b) => a + b, 0),
      trendLifeGain: e0(2050 - this.rates.baseYear) - e0(0),
      credit: SSB_CREDIT,
    };
  }

  /** The engine scenario of `params` (fertility as a multiplier of the trend TFR). */
  scenarioOf(params: ScenarioParams): Scenario {
    return {
      ...(params.tfr === null ? {} : { fertility: params.tfr / this.baseTfr() }),
      ...(params.lifeGain === null ? {} : { lifeExpectancyGain: params.lifeGain }),
      migration: params.migration,
      alignToSsb: params.alignSsb,
    };
  }

  private baseTfr(): number {
    return this.rates.asfr.reduce((a, b) => a + b, 0);
  }

  /** The projection plan of a scenario; the last few are kept, since sliders revisit values. */
  plan(params: ScenarioParams): ProjectionPlan {
    const key = JSON.stringify([params.tfr, params.lifeGain, params.migration, params.alignSsb]);
    const cached = this.plans.get(key);
    if (cached) return cached;
    const plan = planProjection(this.rates, {
      toYear: TO_YEAR,
      scenario: this.scenarioOf(params),
      ssbTotals: this.data.ssbTotals,
    });
    if (this.plans.size >= 12) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, plan);
    return plan;
  }

  /** Care assumptions of the scenario (the rest from `DEFAULT_CARE_ASSUMPTIONS`). */
  private careAssumptions(params: ScenarioParams): CareAssumptions {
    const d = DEFAULT_CARE_ASSUMPTIONS;
    return {
      ...d,
      employmentRate: { ...d.employmentRate, value: params.employmentRate },
      coverageTrend: { ...d.coverageTrend, value: params.coverageTrend },
      threshold: { ...d.threshold, value: params.threshold },
    };
  }

  /** The region with this code: a municipality (4 digits), a county (2) or `0` (Norway). */
  regionOf(code: string): Region {
    const r = this.regions.get(code);
    if (!r) throw new Error(`unknown municipality or county number "${code}"`);
    return r;
  }

  /** True when the extract holds every municipality of region `code` (false if unknown). */
  covers(code: string): boolean {
    const r = this.regions.get(code);
    return r !== undefined && r.members.every((m) => this.local[m]! >= 0);
  }

  /** Index in the extract's data of municipality `m`. */
  private localOf(m: number): number {
    const i = this.local[m]!;
    if (i < 0)
      throw new Error(
        `municipality ${this.data.municipalities[m]!.code} is not in the extract of ${this.data.code}`,
      );
    return i;
  }

  /** Comparisons, the map and centralisation need every municipality: the country's extract. */
  private requireCountry(): void {
    if (this.data.members.length !== this.data.municipalities.length)
      throw new Error(`the extract of ${this.data.code} does not hold the whole country`);
  }

  private project(plan: ProjectionPlan, m: number): MunicipalProjection {
    const i = this.localOf(m);
    this.scratch ??= allocateMunicipalProjection(plan, i);
    return projectOne(plan, i, this.scratch);
  }

  /** Observed population slice (2 × 106) of municipality `m` in `year`. */
  private observed(m: number, year: number): Float64Array {
    const { years, counts } = this.data.population;
    const o = ((year - years[0]!) * this.data.members.length + this.localOf(m)) * CELL;
    return counts.subarray(o, o + CELL);
  }

  /** One region's report under `params` (see {@link RegionReport}). */
  region(code: string, params: ScenarioParams): RegionReport {
    const region = this.regionOf(code);
    const plan = this.plan(params);
    const steps = plan.steps;
    const baseYear = plan.baseYear;
    const pop = new Float64Array((steps + 1) * CELL);
    const births = new Float64Array(steps * N_SEXES);
    const deaths = new Float64Array(steps * CELL);
    const migration = new Float64Array(steps * CELL);
    const fte = new Float64Array(steps + 1);
    const workforce = new Float64Array(steps + 1);
    const assumptions = this.careAssumptions(params);
    for (const m of region.members) {
      const p = this.project(plan, m);
      for (let k = 0; k < pop.length; k++) pop[k]! += p.population[k]!;
      for (let k = 0; k < births.length; k++) births[k]! += p.births[k]!;
      for (let k = 0; k < deaths.length; k++) {
        deaths[k]! += p.deaths[k]!;
        migration[k]! += p.migration[k]!;
      }
      const ci = this.careIndex[this.localOf(m)]!;
      if (ci < 0) continue;
      const care = projectCare(this.care, ci, p.population, baseYear, assumptions);
      care.years.forEach((cy, y) => {
        // Productivity: the same care with fewer FTEs, compounding yearly from the base year.
        fte[y]! += cy.fteNeeded / (1 + params.productivity) ** y;
        workforce[y]! += cy.workforce;
      });
    }
    const histYears = this.years.filter((y) => y < baseYear);
    const slices: Float64Array[] = histYears.map((year) => {
      const s = new Float64Array(CELL);
      for (const m of region.members) {
        const o = this.observed(m, year);
        for (let k = 0; k < CELL; k++) s[k]! += o[k]!;
      }
      return s;
    });
    for (let y = 0; y <= steps; y++) slices.push(pop.subarray(y * CELL, (y + 1) * CELL));
    const total = slices.map((s) => sumAges(s, 0, N_AGES - 1));
    const ind = slices.map((s) => indicators(s));
    const pick = (k: IndicatorKey) => ind.map((i) => i[k]);
    const group = (s: Float64Array, sex: number) =>
      PYRAMID_GROUPS.map((_, g) => {
        let t = 0;
        const to = g === 20 ? N_AGES - 1 : g * 5 + 4;
        for (let a = g * 5; a <= to; a++) t += s[sex * N_AGES + a]!;
        return t;
      });
    const bands = this.data.errorBands;
    const basePop = total[histYears.length]!;
    const low80: number[] = [];
    const high80: number[] = [];
    this.years.forEach((year, i) => {
      const h = year - baseYear;
      if (h <= 0 || !bands || region.level !== 'kommune') {
        low80.push(h === 0 ? total[i]! : Number.NaN);
        high80.push(h === 0 ? total[i]! : Number.NaN);
        return;
      }
      const [lo, hi] = intervalFor(bands, basePop, h, total[i]!);
      low80.push(lo);
      high80.push(hi);
    });
    const share = Array.from(fte, (f, y) => (workforce[y]! > 0 ? f / workforce[y]! : Number.NaN));
    const crossing = share.findIndex((s) => s >= params.threshold);
    const first = region.level === 'kommune' ? this.data.municipalities[region.members[0]!]! : null;
    return {
      code: region.code,
      name: region.name,
      level: region.level,
      countyCode: region.level === 'fylke' ? region.code : (first?.countyCode ?? null),
      countyName: region.level === 'fylke' ? region.name : (first?.countyName ?? null),
      centralityClass: first?.centralityClass ?? null,
      years: this.years,
      baseYear,
      total,
      low80,
      high80,
      ssbTotal: this.ssbTotals(region.members, total[histYears.length]!),
      ageGroups: PYRAMID_GROUPS,
      male: slices.map((s) => group(s, 0)),
      female: slices.map((s) => group(s, 1)),
      ssbByGroup: region.level === 'land' ? this.ssbNationalByGroup() : null,
      indicators: {
        aldersbaereevne: pick('aldersbaereevne'),
        aldersbaereevne80: pick('aldersbaereevne80'),
        forsorgerbrok: pick('forsorgerbrok'),
        andel80: pick('andel80'),
        medianalder: pick('medianalder'),
      },
      components: componentsOfChange({
        region,
        baseYear,
        population: pop,
        births,
        deaths,
        migration,
      }),
      care: {
        years: Array.from({ length: steps + 1 }, (_, y) => baseYear + y),
        fteNeeded: Array.from(fte),
        workforce: Array.from(workforce),
        share,
        thresholdYear: crossing < 0 ? null : baseYear + crossing,
      },
    };
  }

  /** SSB's national projection by age in the pyramid's groups, per shown year. */
  private ssbNationalByGroup(): number[][] {
    const n = this.data.nationalByAge;
    if (!n) throw new Error(`the extract of ${this.data.code} has no national projection by age`);
    return this.years.map((year) => {
      const yi = year - n.years[0]!;
      return PYRAMID_GROUPS.map((_, g) => {
        if (yi < 0 || yi >= n.years.length) return Number.NaN;
        let t = 0;
        const to = g === 20 ? N_AGES - 1 : g * 5 + 4;
        for (let a = g * 5; a <= to; a++) t += n.values[yi * N_AGES + a]!;
        return t;
      });
    });
  }

  /** SSB MMMM totals of the members per shown year; the base year is the observed total. */
  private ssbTotals(members: readonly number[], baseTotal: number): number[] {
    const t = this.data.ssbTotals;
    const index = new Map(t.codes.map((c, i) => [c, i]));
    const codes = members.map((m) => this.data.municipalities[m]!.code);
    return this.years.map((year) => {
      if (year === this.meta.baseYear) return baseTotal;
      const yi = year - t.years[0]!;
      if (yi < 0 || yi >= t.years.length) return Number.NaN;
      let sum = 0;
      for (const c of codes) {
        const i = index.get(c);
        if (i === undefined) return Number.NaN;
        sum += t.values[i * t.years.length + yi]!;
      }
      return sum;
    });
  }

  /** Sums per municipality and year under the main alternative, computed once on demand. */
  private nationalTable(): NationalTable {
    if (this.table) return this.table;
    this.requireCountry();
    const nM = this.data.municipalities.length;
    const nY = this.years.length;
    const t: NationalTable = {
      total: new Float64Array(nM * nY),
      working: new Float64Array(nM * nY),
      old67: new Float64Array(nM * nY),
      old80: new Float64Array(nM * nY),
      fte: new Float64Array(nM * nY).fill(Number.NaN),
      workforce: new Float64Array(nM * nY).fill(Number.NaN),
    };
    const plan = this.plan(MAIN_SCENARIO);
    const assumptions = this.careAssumptions(MAIN_SCENARIO);
    const baseIndex = this.meta.baseYear - this.years[0]!;
    for (let m = 0; m < nM; m++) {
      const p = this.project(plan, m);
      this.years.forEach((year, y) => {
        const s =
          y < baseIndex
            ? this.observed(m, year)
            : p.population.subarray((y - baseIndex) * CELL, (y - baseIndex + 1) * CELL);
        const k = m * nY + y;
        t.total[k] = sumAges(s, 0, N_AGES - 1);
        t.working[k] = sumAges(s, 20, 66);
        t.old67[k] = sumAges(s, 67, N_AGES - 1);
        t.old80[k] = sumAges(s, 80, N_AGES - 1);
      });
      const ci = this.careIndex[this.localOf(m)]!;
      if (ci < 0) continue;
      projectCare(this.care, ci, p.population, plan.baseYear, assumptions).years.forEach(
        (cy, y) => {
          t.fte[m * nY + baseIndex + y] = cy.fteNeeded;
          t.workforce[m * nY + baseIndex + y] = cy.workforce;
        },
      );
    }
    this.table = t;
    return t;
  }

  private sums(members: readonly number[], y: number) {
    const t = this.nationalTable();
    const nY = this.years.length;
    let total = 0;
    let working = 0;
    let old67 = 0;
    for (const m of members) {
      total += t.total[m * nY + y]!;
      working += t.working[m * nY + y]!;
      old67 += t.old67[m * nY + y]!;
    }
    return { total, aldersbaereevne: working / old67 };
  }

  /**
   * The municipality beside similar ones (same centrality class in the same county; when
   * fewer than three, the nearest in size with the same class nationwide), its county and
   * the country, under the main alternative.
   */
  compare(code: string): ComparisonRow[] {
    const self = this.regionOf(code);
    if (self.level !== 'kommune')
      throw new Error(`comparisons are for municipalities, got "${code}"`);
    const ms = this.data.municipalities;
    const mi = self.members[0]!;
    const me = ms[mi]!;
    const now = this.meta.baseYear - this.years[0]!;
    const y40 = YEAR_2040 - this.years[0]!;
    const t = this.nationalTable();
    const nY = this.years.length;
    const size = (m: number) => t.total[m * nY + now]!;
    let similar = ms
      .map((m, i) => ({ m, i }))
      .filter((x) => x.i !== mi && x.m.centralityClass === me.centralityClass);
    const inCounty = similar.filter((x) => x.m.countyCode === me.countyCode);
    similar =
      inCounty.length >= 3
        ? inCounty
        : similar
            .sort((a, b) => Math.abs(size(a.i) - size(mi)) - Math.abs(size(b.i) - size(mi)))
            .slice(0, 5);
    const row = (
      members: readonly number[],
      rowCode: string,
      name: string,
      group: ComparisonRow['group'],
    ): ComparisonRow => {
      const a = this.sums(members, now);
      const b = this.sums(members, y40);
      return {
        code: rowCode,
        name,
        group,
        totalNow: a.total,
        change2040: b.total / a.total - 1,
        aldersbaereevneNow: a.aldersbaereevne,
        aldersbaereevne2040: b.aldersbaereevne,
      };
    };
    const county = this.regionOf(me.countyCode);
    const country = this.regionOf('0');
    return [
      row([mi], me.code, me.name, 'self'),
      ...similar.map((x) => row([x.i], x.m.code, x.m.name, 'centrality')),
      row(county.members, county.code, county.name, 'county'),
      row(country.members, country.code, country.name, 'country'),
    ];
  }

  /** A map indicator for every municipality and year (main alternative). */
  map(indicator: MapIndicator): MapValues {
    const t = this.nationalTable();
    const nY = this.years.length;
    const base = this.meta.baseYear - this.years[0]!;
    const values = new Float64Array(t.total.length);
    for (let k = 0; k < values.length; k++) {
      const m = Math.floor(k / nY);
      values[k] =
        indicator === 'aldersbaereevne'
          ? t.working[k]! / t.old67[k]!
          : indicator === 'andel80'
            ? t.old80[k]! / t.total[k]!
            : indicator === 'change'
              ? t.total[k]! / t.total[m * nY + base]! - 1
              : t.fte[k]! / t.workforce[k]!;
    }
    return { indicator, years: this.years, values };
  }

  /** Population per centrality class and year (the centralisation picture). */
  byCentrality(): CentralityTotals {
    const t = this.nationalTable();
    const nY = this.years.length;
    const classes = [...new Set(this.data.municipalities.map((m) => m.centralityClass))].sort();
    const totals = classes.map(() => new Array<number>(nY).fill(0));
    const counts = classes.map(() => 0);
    this.data.municipalities.forEach((m, i) => {
      const c = classes.indexOf(m.centralityClass);
      counts[c]!++;
      for (let y = 0; y < nY; y++) totals[c]![y]! += t.total[i * nY + y]!;
    });
    return { years: this.years, classes, totals, counts };
  }
}
