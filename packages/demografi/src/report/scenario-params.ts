/**
 * The parameters of a Fremtid 2040 scenario (Scenariofabrikken's sliders, Min kommune's
 * defaults) and the main alternative. Their ranges, validation and permalink encoding live
 * with the web app's sliders; this is what the report needs to compute.
 */

/** A complete scenario for the engine and the care projection. */
export interface ScenarioParams {
  /** Total fertility rate; null follows the trend measured from the data. */
  readonly tfr: number | null;
  /** Gain in mean period life expectancy at birth, base year to 2050; null follows the trend. */
  readonly lifeGain: number | null;
  /** Net migration as a share of the trend (1 = as 2014–2023). */
  readonly migration: number;
  /** Whether municipal totals are aligned with SSB's main alternative. */
  readonly alignSsb: boolean;
  /** Yearly change of care coverage by age (negative = more prevention and care at home). */
  readonly coverageTrend: number;
  /** Yearly productivity gain in care (fewer FTEs per user). */
  readonly productivity: number;
  /** Share of persons 20–66 in work. */
  readonly employmentRate: number;
  /** Share of the employed 20–66-year-olds care may take before it is flagged. */
  readonly threshold: number;
}

/**
 * The main alternative: Helhet's trend projection (fertility, mortality decline and
 * migration as estimated from the data up to 2024) and the care defaults of
 * `DEFAULT_CARE_ASSUMPTIONS`.
 */
export const MAIN_SCENARIO: ScenarioParams = {
  tfr: null,
  lifeGain: null,
  migration: 1,
  alignSsb: false,
  coverageTrend: 0,
  productivity: 0,
  employmentRate: 0.78,
  threshold: 0.05,
};
