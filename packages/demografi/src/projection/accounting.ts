import { MAX_AGE, N_AGES, N_SEXES } from '../constants.ts';
import type { Projection } from './engine.ts';

const CELL = N_SEXES * N_AGES;

/** A broken accounting identity, for tests and for `helhet project --check`. */
export interface AccountingViolation {
  readonly code: string;
  readonly year: number;
  readonly sex: number;
  readonly age: number;
  readonly message: string;
}

/**
 * Verifies the demographic accounting of a projection:
 * 1. Cohort identity per cell, bit for bit: population(t+1, a) === (entrants − deaths) + net
 *    migration, where entrants are population(t, a−1) (for 105+: ages 104 and 105+) and, for
 *    age 0, the year's births. The engine evaluates exactly this expression.
 * 2. Balancing equation per municipality and year: P(t+1) = P(t) + births − deaths + net
 *    migration, summed over ages and sexes. Sums of ~200 doubles carry rounding of order
 *    200 · 2⁻⁵³ · P, so the tolerance is 1e-9 · P(t) persons (plus 1e-9), far below a person.
 * 3. No negative population.
 * Returns at most `limit` violations (empty = all identities hold).
 */
export function checkAccounting(p: Projection, limit = 20): AccountingViolation[] {
  const out: AccountingViolation[] = [];
  const nM = p.codes.length;
  const steps = p.toYear - p.baseYear;
  for (let st = 0; st < steps && out.length < limit; st++) {
    for (let m = 0; m < nM && out.length < limit; m++) {
      const src = (st * nM + m) * CELL;
      const dst = ((st + 1) * nM + m) * CELL;
      let before = 0;
      let after = 0;
      let births = 0;
      let deaths = 0;
      let mig = 0;
      for (let s = 0; s < N_SEXES; s++) {
        const b = p.births[(st * nM + m) * N_SEXES + s]!;
        births += b;
        for (let a = 0; a < N_AGES; a++) {
          const k = s * N_AGES + a;
          const entrants =
            a === 0
              ? b
              : a === MAX_AGE
                ? p.population[src + k - 1]! + p.population[src + k]!
                : p.population[src + k - 1]!;
          const d = p.deaths[src + k]!;
          const g = p.migration[src + k]!;
          const next = p.population[dst + k]!;
          before += p.population[src + k]!;
          after += next;
          deaths += d;
          mig += g;
          if (next !== entrants - d + g)
            out.push({
              code: p.codes[m]!,
              year: p.baseYear + st + 1,
              sex: s,
              age: a,
              message: `cohort identity: ${next} ≠ (${entrants} − ${d}) + ${g}`,
            });
          if (next < 0)
            out.push({
              code: p.codes[m]!,
              year: p.baseYear + st + 1,
              sex: s,
              age: a,
              message: `negative population ${next}`,
            });
        }
      }
      const gap = after - (before + births - deaths + mig);
      if (Math.abs(gap) > 1e-9 * before + 1e-9)
        out.push({
          code: p.codes[m]!,
          year: p.baseYear + st + 1,
          sex: -1,
          age: -1,
          message: `balancing equation off by ${gap}`,
        });
    }
  }
  return out;
}
