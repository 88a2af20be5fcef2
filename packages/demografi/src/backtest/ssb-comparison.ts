import type { RegionSeries } from '../parse/projections.ts';

/** How far a projection's municipal totals are from SSB's MMMM totals, per year. */
export interface SsbComparisonRow {
  readonly year: number;
  readonly n: number;
  /** Mean absolute percentage difference, ours vs SSB. */
  readonly meanAbsDiff: number;
  /** Mean signed percentage difference (ours − SSB) / SSB. */
  readonly meanDiff: number;
  /** National totals. */
  readonly ours: number;
  readonly ssb: number;
}

/**
 * Consistency check of a 2024-based projection against SSB's 2024-round MMMM totals
 * (table 14288). This is not an accuracy measure: both are forecasts of the same years.
 * `totals[y * nM + m]` with y = year − baseYear, codes in the same order as `ssb.codes`.
 */
export function compareWithSsb(
  totals: Float64Array,
  baseYear: number,
  codes: readonly string[],
  ssb: RegionSeries,
): SsbComparisonRow[] {
  const nM = codes.length;
  const idx = new Map(ssb.codes.map((c, i) => [c, i]));
  const rows: SsbComparisonRow[] = [];
  const years = totals.length / nM;
  for (let y = 1; y < years; y++) {
    const year = baseYear + y;
    const yi = year - ssb.years[0]!;
    if (yi < 0 || yi >= ssb.years.length) continue;
    let abs = 0;
    let sgn = 0;
    let n = 0;
    let ours = 0;
    let theirs = 0;
    for (let m = 0; m < nM; m++) {
      const si = idx.get(codes[m]!);
      if (si === undefined) continue;
      const s = ssb.values[si * ssb.years.length + yi]!;
      const o = totals[y * nM + m]!;
      abs += Math.abs(o - s) / s;
      sgn += (o - s) / s;
      ours += o;
      theirs += s;
      n++;
    }
    rows.push({
      year,
      n,
      meanAbsDiff: (100 * abs) / n,
      meanDiff: (100 * sgn) / n,
      ours,
      ssb: theirs,
    });
  }
  return rows;
}
