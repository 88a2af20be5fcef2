import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../snapshot/build.ts';
import { syntheticDataTexts } from '../snapshot/fixture.test-helper.ts';
import { N_AGES } from '../constants.ts';
import { projectAll, projectTotals } from './engine.ts';
import { checkAccounting } from './accounting.ts';
import { LIFE_EXPECTANCY_TARGET_YEAR, planProjection } from './plan.ts';
import { estimateRates } from './rates.ts';
import { validateScenario } from './scenario.ts';

const snapshot = buildSnapshot(syntheticDataTexts(), 'x');
const rates = estimateRates(snapshot, 2020);

describe('scenarios', () => {
  it('validates user scenario files field by field', () => {
    expect(
      validateScenario(
        { fertility: 1.1, migration: 0.5, overrides: { '0301': { migration: 2 } } },
        ['0301'],
      ),
    ).toEqual([]);
    expect(
      validateScenario({ fertility: -1, colour: 'red', overrides: { '9999': { births: 1 } } }, [
        '0301',
      ]),
    ).toEqual([
      'unknown field "colour"',
      'fertility must be a non-negative number',
      'overrides: unknown municipality number "9999"',
      'overrides.9999: unknown field "births"',
    ]);
    expect(validateScenario([], [])).toEqual(['scenario must be a JSON object']);
  });

  it('solves the mortality multiplier for a life-expectancy gain to 2050', () => {
    const gain = 3;
    const plan = planProjection(rates, { toYear: 2060, scenario: { lifeExpectancyGain: gain } });
    const e0 = (y: number) =>
      (plan.lifeExpectancy[(y - 2020) * 2]! + plan.lifeExpectancy[(y - 2020) * 2 + 1]!) / 2;
    expect(e0(LIFE_EXPECTANCY_TARGET_YEAR) - e0(2020)).toBeCloseTo(gain, 6);
    const none = planProjection(rates, { toYear: 2060, scenario: { mortalityImprovement: 0 } });
    expect(none.lifeExpectancy[80]).toBeCloseTo(none.lifeExpectancy[0]!, 12);
  });

  it('applies per-municipality overrides only to that municipality', () => {
    const base = projectTotals(planProjection(rates, { toYear: 2030 }));
    const more = projectTotals(
      planProjection(rates, {
        toYear: 2030,
        scenario: { overrides: { '1101': { fertility: 2 } } },
      }),
    );
    expect(more[10 * 2]).toBe(base[10 * 2]);
    expect(more[10 * 2 + 1]).toBeGreaterThan(base[10 * 2 + 1]!);
    expect(() =>
      planProjection(rates, { toYear: 2030, scenario: { overrides: { '4242': {} } } }),
    ).toThrow(/unknown municipality 4242/);
  });

  it('aligns full and lean runs to the same totals with identities intact', () => {
    const plan = planProjection(rates, {
      toYear: 2030,
      scenario: { alignToSsb: true },
      ssbTotals: snapshot.ssbTotals,
    });
    const full = projectAll(plan);
    const lean = projectTotals(plan);
    expect(checkAccounting(full)).toEqual([]);
    for (let y = 1; y <= 10; y++) {
      for (let m = 0; m < 2; m++) {
        let t = 0;
        for (let k = 0; k < 2 * N_AGES; k++) t += full.population[(y * 2 + m) * 2 * N_AGES + k]!;
        const target =
          snapshot.ssbTotals.values[
            m * snapshot.ssbTotals.years.length + (2020 + y - snapshot.ssbTotals.years[0]!)
          ]!;
        expect(t).toBeCloseTo(target, 6);
        expect(lean[y * 2 + m]).toBeCloseTo(target, 6);
      }
    }
  });

  it('rejects an end year outside base+1 … 2100', () => {
    expect(() => planProjection(rates, { toYear: 2020 })).toThrow(/after the base year/);
    expect(() => planProjection(rates, { toYear: 2101 })).toThrow(/at most 2100/);
  });
});
