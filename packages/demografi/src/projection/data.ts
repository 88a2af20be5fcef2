import type { Snapshot } from '../snapshot/schema.ts';

/** The parts of a snapshot that projections and backtests read. */
export type DemographicData = Pick<
  Snapshot,
  'municipalities' | 'population' | 'mortality' | 'births' | 'fertility' | 'ssbTotals'
>;

/**
 * A view of `data` holding only what was known on 1 January of `baseYear`: population up
 * to `baseYear`, and deaths, births and fertility up to `baseYear − 1`. Backtests estimate
 * from this view, so using later data is impossible by construction, not by care. SSB's
 * projected totals are 2024-round figures and are dropped for earlier bases.
 */
export function dataKnownAt(data: DemographicData, baseYear: number): DemographicData {
  const pop = data.population;
  const py = pop.years.filter((y) => y <= baseYear);
  if (py.length === 0 || py[py.length - 1] !== baseYear)
    throw new Error(
      `no population data for base year ${baseYear} (have ${pop.years[0]}–${pop.years[pop.years.length - 1]})`,
    );
  const cell = pop.counts.length / pop.years.length;
  const my = data.mortality.years.filter((y) => y < baseYear);
  const mcell = data.mortality.deaths.length / data.mortality.years.length;
  const by = data.births.years.filter((y) => y < baseYear);
  const fy = data.fertility.years.filter((y) => y < baseYear);
  const fcell = data.fertility.values.length / data.fertility.years.length;
  const lastObserved = pop.years[pop.years.length - 1]!;
  return {
    municipalities: data.municipalities,
    population: { years: py, counts: pop.counts.subarray(0, py.length * cell) },
    mortality: {
      years: my,
      deaths: data.mortality.deaths.subarray(0, my.length * mcell),
      exposure: data.mortality.exposure.subarray(0, my.length * mcell),
    },
    births: {
      years: by,
      male: data.births.male.subarray(0, by.length),
      female: data.births.female.subarray(0, by.length),
    },
    fertility: { years: fy, values: data.fertility.values.subarray(0, fy.length * fcell) },
    ssbTotals:
      baseYear === lastObserved
        ? data.ssbTotals
        : { codes: data.ssbTotals.codes, years: [], values: new Float64Array(0) },
  };
}
