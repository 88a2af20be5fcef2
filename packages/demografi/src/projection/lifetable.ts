import { MAX_AGE, N_AGES } from '../constants.ts';

/**
 * Mean age at death within the first year of life, from the infant death rate (Andreev and
 * Kingkade 2015, the rule the HMD Methods Protocol v6 uses). `sex` 0 = male, 1 = female.
 */
export function infantA0(m0: number, sex: number): number {
  if (sex === 0)
    return m0 < 0.023 ? 0.14929 - 1.99545 * m0 : m0 < 0.08307 ? 0.02832 + 3.26201 * m0 : 0.29915;
  return m0 < 0.01724 ? 0.14903 - 2.05527 * m0 : m0 < 0.06891 ? 0.04667 + 3.88089 * m0 : 0.31411;
}

/**
 * Scratch for the person-years L(x) of {@link survivalFromMx}: allocating a typed array
 * costs more than the whole life table (each trajectory's plan builds 52 tables), and the
 * function runs to completion before any other call can use it.
 */
const personYears = new Float64Array(N_AGES);

/**
 * One-year survival ratios for a period life table with death rates `mx` (ages 0–105+).
 * `out[x]` for x = 0…103 is L(x+1)/L(x): the share of persons aged x on 1 January alive a year
 * later. `out[104]` is T(105)/T(104), used for both the 104 and 105+ cohorts flowing into the
 * open group 105+. `out[105]` is L(0)/l(0): the share of the year's births alive on 1 January.
 * Ages above 0 use a(x) = 0.5; the open group has L(105+) = l(105)/m(105).
 */
export function survivalFromMx(
  mx: ArrayLike<number>,
  sex: number,
  out: Float64Array = new Float64Array(N_AGES),
): Float64Array {
  const L = personYears;
  let l = 1;
  for (let x = 0; x < MAX_AGE; x++) {
    const m = Math.max(mx[x]!, 0);
    const a = x === 0 ? infantA0(m, sex) : 0.5;
    const q = Math.min(1, m / (1 + (1 - a) * m));
    const d = l * q;
    L[x] = l - (1 - a) * d;
    l -= d;
  }
  const mOpen = Math.max(mx[MAX_AGE]!, 1e-6);
  L[MAX_AGE] = l / mOpen;
  for (let x = 0; x < MAX_AGE - 1; x++) out[x] = L[x]! > 0 ? L[x + 1]! / L[x]! : 0;
  const T104 = L[MAX_AGE - 1]! + L[MAX_AGE]!;
  out[MAX_AGE - 1] = T104 > 0 ? L[MAX_AGE]! / T104 : 0;
  out[MAX_AGE] = L[0]!;
  return out;
}

/** Period life expectancy at birth for death rates `mx` (ages 0–105+), same table as above. */
export function lifeExpectancy(mx: ArrayLike<number>, sex: number): number {
  let l = 1;
  let e = 0;
  for (let x = 0; x < MAX_AGE; x++) {
    const m = Math.max(mx[x]!, 0);
    const a = x === 0 ? infantA0(m, sex) : 0.5;
    const q = Math.min(1, m / (1 + (1 - a) * m));
    const d = l * q;
    e += l - (1 - a) * d;
    l -= d;
  }
  return e + l / Math.max(mx[MAX_AGE]!, 1e-6);
}
