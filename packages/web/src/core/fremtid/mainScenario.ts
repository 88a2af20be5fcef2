/**
 * The main alternative on its own, without the zod schemas of `params.ts` (which re-exports
 * it), so `connection.ts` can use it before they are evaluated.
 */
import type { ScenarioParams } from './params.ts';

/**
 * The main alternative: Helhet's trend projection (fertility, mortality decline and
 * migration as estimated from the data up to 2024) and the care defaults of
 * `DEFAULT_CARE_ASSUMPTIONS` in `@helhet/demografi`.
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
