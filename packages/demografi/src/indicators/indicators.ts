import { MAX_AGE, N_AGES, N_SEXES } from '../constants.ts';

/** An age group, inclusive; `to` = 105 means "and older". */
export interface AgeGroup {
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

/** SSB's usual broad groups, used when the caller gives none. */
export const DEFAULT_AGE_GROUPS: readonly AgeGroup[] = [
  { label: '0–5', from: 0, to: 5 },
  { label: '6–15', from: 6, to: 15 },
  { label: '16–19', from: 16, to: 19 },
  { label: '20–44', from: 20, to: 44 },
  { label: '45–66', from: 45, to: 66 },
  { label: '67–79', from: 67, to: 79 },
  { label: '80–89', from: 80, to: 89 },
  { label: '90+', from: 90, to: MAX_AGE },
];

/** Parses `0-5,6-15,67-79,80+` into age groups; throws on overlaps, gaps are allowed. */
export function parseAgeGroups(spec: string): AgeGroup[] {
  const groups = spec.split(',').map((part) => {
    const t = part.trim();
    const plus = /^(\d+)\+$/.exec(t);
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(t);
    const from = plus ? Number(plus[1]) : range ? Number(range[1]) : Number.NaN;
    const to = plus ? MAX_AGE : range ? Number(range[2]) : Number.NaN;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || to > MAX_AGE)
      throw new Error(`not an age group: "${t}" (use e.g. 0-5 or 80+)`);
    return { label: plus ? `${from}+` : `${from}–${to}`, from, to };
  });
  const sorted = [...groups].sort((a, b) => a.from - b.from);
  for (let k = 1; k < sorted.length; k++)
    if (sorted[k]!.from <= sorted[k - 1]!.to)
      throw new Error(`age groups overlap: ${sorted[k - 1]!.label} and ${sorted[k]!.label}`);
  return groups;
}

/** Persons aged `from`–`to` (both sexes) in a 2 × 106 slice `p` starting at `o`. */
export function sumAges(p: ArrayLike<number>, from: number, to: number, o = 0): number {
  let t = 0;
  for (let s = 0; s < N_SEXES; s++) for (let a = from; a <= to; a++) t += p[o + s * N_AGES + a]!;
  return t;
}

/** Population of each age group in one region-year slice. */
export function populationByAgeGroup(
  p: ArrayLike<number>,
  groups: readonly AgeGroup[] = DEFAULT_AGE_GROUPS,
  o = 0,
): number[] {
  return groups.map((g) => sumAges(p, g.from, g.to, o));
}

/**
 * Median age, treating ages as spread evenly within each year of age (so a median of
 * 41.3 means 30 % of the way through the 42nd year of life).
 */
export function medianAge(p: ArrayLike<number>, o = 0): number {
  const byAge = new Float64Array(N_AGES);
  for (let s = 0; s < N_SEXES; s++)
    for (let a = 0; a < N_AGES; a++) byAge[a]! += p[o + s * N_AGES + a]!;
  const total = byAge.reduce((x, y) => x + y, 0);
  if (total <= 0) return Number.NaN;
  let cum = 0;
  for (let a = 0; a < N_AGES; a++) {
    if (cum + byAge[a]! >= total / 2) return a + (total / 2 - cum) / byAge[a]!;
    cum += byAge[a]!;
  }
  return MAX_AGE;
}

/** Definitions of the indicators, with Norwegian names, so every figure is labelled. */
export const INDICATOR_DEFINITIONS = {
  aldersbaereevne: {
    nb: 'Aldersbæreevne (20–66 per 67+)',
    en: 'Age-support ratio: persons 20–66 per person 67+',
  },
  aldersbaereevne80: {
    nb: 'Aldersbæreevne 80+ (20–66 per 80+)',
    en: 'Age-support ratio, 80+ variant: persons 20–66 per person 80+',
  },
  forsorgerbrok: {
    nb: 'Forsørgerbrøk ((0–19 + 67+) / 20–66)',
    en: 'Dependency ratio: persons 0–19 and 67+ per person 20–66',
  },
  omsorgskoeffisient: {
    nb: 'Omsorgskoeffisient (50–66 per 85+)',
    en: 'Care coefficient: persons 50–66 per person 85+',
  },
  andel80: { nb: 'Andel 80 år og eldre', en: 'Share of the population aged 80+' },
  medianalder: { nb: 'Medianalder', en: 'Median age' },
} as const;

/** The standard indicators of one region-year. */
export interface Indicators {
  readonly total: number;
  readonly aldersbaereevne: number;
  readonly aldersbaereevne80: number;
  readonly forsorgerbrok: number;
  readonly omsorgskoeffisient: number;
  readonly andel80: number;
  readonly medianalder: number;
}

/** Computes {@link Indicators} for a 2 × 106 slice (see {@link INDICATOR_DEFINITIONS}). */
export function indicators(p: ArrayLike<number>, o = 0): Indicators {
  const total = sumAges(p, 0, MAX_AGE, o);
  const young = sumAges(p, 0, 19, o);
  const working = sumAges(p, 20, 66, o);
  const old67 = sumAges(p, 67, MAX_AGE, o);
  const old80 = sumAges(p, 80, MAX_AGE, o);
  const old85 = sumAges(p, 85, MAX_AGE, o);
  return {
    total,
    aldersbaereevne: working / old67,
    aldersbaereevne80: working / old80,
    forsorgerbrok: (young + old67) / working,
    omsorgskoeffisient: sumAges(p, 50, 66, o) / old85,
    andel80: old80 / total,
    medianalder: medianAge(p, o),
  };
}
