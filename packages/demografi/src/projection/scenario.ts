/**
 * Scenario parameters: multipliers on the rates estimated from data up to the base year.
 * 1 (or absent) everywhere reproduces the trend projection.
 */
export interface Scenario {
  /** Multiplier on every age-specific fertility rate, i.e. on the total fertility rate. */
  readonly fertility?: number;
  /**
   * Gain in period life expectancy at birth (mean of the sexes), in years, from the base
   * year to 2050. When absent the estimated mortality trend continues
   * ({@link Scenario.mortalityImprovement}).
   */
  readonly lifeExpectancyGain?: number;
  /** Multiplier on the estimated yearly decline of death rates; 0 keeps mortality constant. */
  readonly mortalityImprovement?: number;
  /** Multiplier on net migration of every municipality. */
  readonly migration?: number;
  /** Per-municipality multipliers, keyed by municipality number, applied on top of the above. */
  readonly overrides?: Readonly<Record<string, MunicipalOverride>>;
  /**
   * Align each municipality's total to SSB's 2024-round MMMM totals (table 14288) where
   * they exist; the difference is booked as extra net migration, distributed over age and
   * sex in proportion to the unaligned population, so every accounting identity still holds.
   */
  readonly alignToSsb?: boolean;
}

/** Multipliers for one municipality. */
export interface MunicipalOverride {
  readonly fertility?: number;
  readonly migration?: number;
}

/** Checks a scenario read from a user file; returns a list of problems (empty when valid). */
export function validateScenario(value: unknown, knownCodes: readonly string[]): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['scenario must be a JSON object'];
  const v = value as Record<string, unknown>;
  const allowed = new Set([
    'fertility',
    'lifeExpectancyGain',
    'mortalityImprovement',
    'migration',
    'overrides',
    'alignToSsb',
  ]);
  for (const k of Object.keys(v)) if (!allowed.has(k)) problems.push(`unknown field "${k}"`);
  const nonNeg = (name: string, x: unknown): void => {
    if (x !== undefined && (typeof x !== 'number' || !Number.isFinite(x) || x < 0))
      problems.push(`${name} must be a non-negative number`);
  };
  nonNeg('fertility', v.fertility);
  nonNeg('mortalityImprovement', v.mortalityImprovement);
  if (
    v.migration !== undefined &&
    (typeof v.migration !== 'number' || !Number.isFinite(v.migration))
  )
    problems.push('migration must be a number');
  if (
    v.lifeExpectancyGain !== undefined &&
    (typeof v.lifeExpectancyGain !== 'number' ||
      !Number.isFinite(v.lifeExpectancyGain) ||
      Math.abs(v.lifeExpectancyGain) > 20)
  ) {
    problems.push('lifeExpectancyGain must be a number of years between −20 and 20');
  }
  if (v.alignToSsb !== undefined && typeof v.alignToSsb !== 'boolean')
    problems.push('alignToSsb must be true or false');
  if (v.overrides !== undefined) {
    if (typeof v.overrides !== 'object' || v.overrides === null)
      problems.push('overrides must be an object keyed by municipality number');
    else {
      const known = new Set(knownCodes);
      for (const [code, o] of Object.entries(v.overrides as Record<string, unknown>)) {
        if (!known.has(code)) problems.push(`overrides: unknown municipality number "${code}"`);
        if (typeof o !== 'object' || o === null) {
          problems.push(`overrides.${code} must be an object`);
          continue;
        }
        const oo = o as Record<string, unknown>;
        for (const k of Object.keys(oo))
          if (k !== 'fertility' && k !== 'migration')
            problems.push(`overrides.${code}: unknown field "${k}"`);
        nonNeg(`overrides.${code}.fertility`, oo.fertility);
        if (
          oo.migration !== undefined &&
          (typeof oo.migration !== 'number' || !Number.isFinite(oo.migration))
        )
          problems.push(`overrides.${code}.migration must be a number`);
      }
    }
  }
  return problems;
}
