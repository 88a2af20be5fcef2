/**
 * Scenario parameters of Scenariofabrikken and Min kommune, their defaults (the main
 * alternative: the trend projection with today's care rates) and the permalink encoding.
 * Shared by the page and the worker; validated with zod wherever they cross a boundary
 * (URL, localStorage, worker message).
 */
import { z } from 'zod';
import { MAIN_SCENARIO, type ScenarioParams } from '@helhet/demografi';

/** Every slider's range and step; the UI and the validation use the same numbers. */
export const PARAM_RANGES = {
  /** Total fertility rate (children per woman); the trend level is measured from the data. */
  tfr: { min: 1, max: 2.2, step: 0.05 },
  /** Gain in mean period life expectancy at birth from the base year to 2050, in years. */
  lifeGain: { min: 0, max: 8, step: 0.25 },
  /** Net migration as a share of the trend (1 = as 2014–2023). */
  migration: { min: 0, max: 2, step: 0.05 },
  /** Yearly change of care coverage by age (negative = more prevention and care at home). */
  coverageTrend: { min: -0.03, max: 0.02, step: 0.0025 },
  /** Yearly productivity gain in care from technology and organisation (fewer FTEs per user). */
  productivity: { min: 0, max: 0.03, step: 0.0025 },
  /** Share of persons 20–66 in work. */
  employmentRate: { min: 0.6, max: 0.9, step: 0.01 },
  /** Share of the employed 20–66-year-olds care may take before it is flagged. */
  threshold: { min: 0.01, max: 0.2, step: 0.005 },
} as const;

const ranged = (key: keyof typeof PARAM_RANGES) =>
  z.number().min(PARAM_RANGES[key].min).max(PARAM_RANGES[key].max);

/** Schema of {@link ScenarioParams}: `tfr` and `lifeGain` are null when they follow the trend. */
export const ScenarioParamsSchema = z.object({
  tfr: ranged('tfr').nullable(),
  lifeGain: ranged('lifeGain').nullable(),
  migration: ranged('migration'),
  alignSsb: z.boolean(),
  coverageTrend: ranged('coverageTrend'),
  productivity: ranged('productivity'),
  employmentRate: ranged('employmentRate'),
  threshold: ranged('threshold'),
}) satisfies z.ZodType<ScenarioParams>;

export { MAIN_SCENARIO, type ScenarioParams } from '@helhet/demografi';

/** Short query keys of the permalink, one per parameter. */
const QUERY_KEYS: Record<keyof ScenarioParams, string> = {
  tfr: 'tfr',
  lifeGain: 'le',
  migration: 'mig',
  alignSsb: 'ssb',
  coverageTrend: 'cov',
  productivity: 'prod',
  employmentRate: 'emp',
  threshold: 'thr',
};

/** Writes the parameters that differ from the main alternative into `query`. */
export function paramsToQuery(
  params: ScenarioParams,
  query = new URLSearchParams(),
): URLSearchParams {
  for (const [key, q] of Object.entries(QUERY_KEYS) as [keyof ScenarioParams, string][]) {
    const value = params[key];
    if (value === MAIN_SCENARIO[key]) query.delete(q);
    else query.set(q, String(value));
  }
  return query;
}

/**
 * Reads parameters from a query string; missing or invalid values fall back to the main
 * alternative one by one, so a hand-edited link still opens (and `problems` says what was
 * ignored).
 */
export function paramsFromQuery(query: URLSearchParams): {
  params: ScenarioParams;
  problems: string[];
} {
  const params: Record<string, unknown> = { ...MAIN_SCENARIO };
  const problems: string[] = [];
  for (const [key, q] of Object.entries(QUERY_KEYS) as [keyof ScenarioParams, string][]) {
    const raw = query.get(q);
    if (raw === null) continue;
    const value = key === 'alignSsb' ? raw === 'true' : raw === 'null' ? null : Number(raw);
    const field = ScenarioParamsSchema.shape[key].safeParse(value);
    if (field.success) params[key] = field.data;
    else problems.push(`${q}=${raw}`);
  }
  // Every field is valid by now; parsing the whole gives the type without a cast.
  return { params: ScenarioParamsSchema.parse(params), problems };
}
