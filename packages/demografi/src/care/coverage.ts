import type { KostraPanel } from '../parse/kostra.ts';

/** KOSTRA's three age groups, in the order used by every array here. */
export const CARE_AGE_GROUPS = [
  { label: '0–66', from: 0, to: 66 },
  { label: '67–79', from: 67, to: 79 },
  { label: '80+', from: 80, to: 105 },
] as const;

/**
 * Care use per municipality estimated from the KOSTRA panel (SSB 04686/12292 home services,
 * 11645 institutions, 11924/14534 nurse FTEs). Coverage arrays are `m * 3 + group`.
 */
export interface CareRates {
  readonly codes: readonly string[];
  /** Years averaged (the last available up to the base year). */
  readonly years: readonly number[];
  /** Share of each age group receiving home-based services (hjemmetjenester, Y_1). */
  readonly homeCoverage: Float64Array;
  /** Share of each age group in long-term institutional care (langtidsopphold, Y_3). */
  readonly institutionCoverage: Float64Array;
  /** Nurse FTEs (avtalte årsverk, Y_5) per user of home services or institutions. */
  readonly nurseFtePerUser: Float64Array;
  /** Municipalities that had no usable data and got the national rate instead. */
  readonly fallbacks: readonly string[];
}

/**
 * Coverage rates as users / population by age group, pooled over the last `years` KOSTRA
 * years up to `baseYear` (pooled sums are steadier than averages of small-number ratios).
 * Where a group's users are missing but the total and the other groups are given (home
 * services 67–79 after 2016; institutions 0–66, mostly suppressed from 2017), the group is
 * the total minus the others, not below zero. A municipality without data for a group gets
 * the national pooled rate.
 */
export function estimateCareRates(panel: KostraPanel, baseYear: number, years = 3): CareRates {
  const f = panel.fields;
  const nM = panel.codes.length;
  const nY = panel.years.length;
  const useYears = panel.years.filter((y) => y <= baseYear).slice(-years);
  if (useYears.length === 0)
    throw new Error(`no KOSTRA data up to ${baseYear} (panel starts ${panel.years[0]})`);
  const fteYears = panel.years.filter((y) => y <= baseYear && y >= 2015).slice(-years);
  const popF = [f.folk_0_66, f.folk_67_79, f.folk_80p];
  const group = (total: Float64Array, parts: Float64Array[], k: number, g: number): number => {
    const v = parts[g]![k]!;
    if (!Number.isNaN(v)) return v;
    const t = total[k]!;
    const others = parts.reduce((s, p, j) => (j === g ? s : s + p[k]!), 0);
    return Number.isNaN(t) || Number.isNaN(others) ? Number.NaN : Math.max(0, t - others);
  };
  const homeParts = [f.Y_1_a_0_66, f.Y_1_a_67_79, f.Y_1_a_80p];
  const instParts = [f.Y_3_a_0_66, f.Y_3_a_67_79, f.Y_3_a_80p];
  const sums = (
    total: Float64Array,
    parts: Float64Array[],
  ): { users: Float64Array; pop: Float64Array } => {
    const users = new Float64Array(nM * 3);
    const pop = new Float64Array(nM * 3);
    for (let m = 0; m < nM; m++) {
      for (const y of useYears) {
        const k = m * nY + (y - panel.years[0]!);
        for (let g = 0; g < 3; g++) {
          const u = group(total, parts, k, g);
          const p = popF[g]![k]!;
          if (Number.isNaN(u) || Number.isNaN(p) || p <= 0) continue;
          users[m * 3 + g]! += u;
          pop[m * 3 + g]! += p;
        }
      }
    }
    return { users, pop };
  };
  const fallbacks = new Set<string>();
  const rate = (s: { users: Float64Array; pop: Float64Array }): Float64Array => {
    const nat = [0, 1, 2].map((g) => {
      let u = 0;
      let p = 0;
      for (let m = 0; m < nM; m++) {
        u += s.users[m * 3 + g]!;
        p += s.pop[m * 3 + g]!;
      }
      return p > 0 ? u / p : 0;
    });
    const out = new Float64Array(nM * 3);
    for (let m = 0; m < nM; m++) {
      for (let g = 0; g < 3; g++) {
        const p = s.pop[m * 3 + g]!;
        if (p > 0) out[m * 3 + g] = s.users[m * 3 + g]! / p;
        else {
          out[m * 3 + g] = nat[g]!;
          fallbacks.add(panel.codes[m]!);
        }
      }
    }
    return out;
  };
  const homeCoverage = rate(sums(f.Y_1_a_ialt, homeParts));
  const institutionCoverage = rate(sums(f.Y_3_a_ialt, instParts));
  const nurseFtePerUser = new Float64Array(nM);
  let natF = 0;
  let natU = 0;
  const perM = new Float64Array(nM * 2);
  for (let m = 0; m < nM; m++) {
    for (const y of fteYears) {
      const k = m * nY + (y - panel.years[0]!);
      const fte = f.Y_5_ialt[k]!;
      const users = f.Y_1_a_ialt[k]! + f.Y_3_a_ialt[k]!;
      if (Number.isNaN(fte) || Number.isNaN(users) || users <= 0) continue;
      perM[m * 2]! += fte;
      perM[m * 2 + 1]! += users;
    }
    natF += perM[m * 2]!;
    natU += perM[m * 2 + 1]!;
  }
  for (let m = 0; m < nM; m++) {
    if (perM[m * 2 + 1]! > 0) nurseFtePerUser[m] = perM[m * 2]! / perM[m * 2 + 1]!;
    else {
      nurseFtePerUser[m] = natU > 0 ? natF / natU : 0;
      fallbacks.add(panel.codes[m]!);
    }
  }
  return {
    codes: panel.codes,
    years: useYears,
    homeCoverage,
    institutionCoverage,
    nurseFtePerUser,
    fallbacks: [...fallbacks].sort(),
  };
}
