import { describe, expect, it } from 'vitest';
import { N_AGES } from '../constants.ts';
import { parseKostraPanel } from '../parse/kostra.ts';
import { estimateCareRates } from './coverage.ts';
import { DEFAULT_CARE_ASSUMPTIONS, projectCare } from './needs.ts';

const head =
  '"kommunenr_2024","år","kommunenr_hist_kilder","Y_4_ialt","folk_0_66","folk_67_79","folk_80p","folk_ialt","Y_1_a_ialt","Y_1_a_0_66","Y_1_a_67_79","Y_1_a_80p","Y_2_ialt","Y_3_a_ialt","Y_3_a_0_66","Y_3_a_67_79","Y_3_a_80p","Y_5_ialt"';

describe('care', () => {
  // 1000 aged 0–66, 100 aged 67–79, 50 aged 80+; home users 20/10/25 (67–79 missing: derived);
  // institution users 0/5/15 (0–66 suppressed: derived); 12 nurse FTEs for 75 users.
  const panel = parseKostraPanel(
    'k.csv',
    `${head}\n"0301",2020,"0301",,1000,100,50,1150,55,20,,25,,20,,5,15,12\n"1101",2020,"1101",,10,10,10,30,,,,,,,,,,\n`,
    ['0301', '1101'],
  );
  const rates = estimateCareRates(panel, 2024);

  it('derives missing groups from totals and pools coverage', () => {
    expect(Array.from(rates.homeCoverage.subarray(0, 3))).toEqual([0.02, 0.1, 0.5]);
    expect(Array.from(rates.institutionCoverage.subarray(0, 3))).toEqual([0, 0.05, 0.3]);
    expect(rates.nurseFtePerUser[0]).toBeCloseTo(12 / 75, 12);
  });

  it('falls back to national rates for a municipality without data', () => {
    expect(rates.fallbacks).toEqual(['1101']);
    expect(rates.homeCoverage[3 + 2]).toBeCloseTo(0.5, 12);
  });

  it('projects users, FTEs and the year the workforce share passes the threshold', () => {
    const pop = new Float64Array(2 * 2 * N_AGES);
    // Year 0: 50 women aged 85; year 1: 500 women aged 85. 100 men aged 40 in both.
    pop[40] = 100;
    pop[N_AGES + 85] = 50;
    pop[2 * N_AGES + 40] = 100;
    pop[3 * N_AGES + 85] = 500;
    const res = projectCare(rates, 0, pop, 2024, {
      ...DEFAULT_CARE_ASSUMPTIONS,
      threshold: { value: 0.5, source: 'test' },
    });
    expect(res.years[0]!.homeUsers).toBeCloseTo(100 * 0.02 + 50 * 0.5, 10);
    expect(res.years[0]!.institutionUsers).toBeCloseTo(15, 10);
    expect(res.years[0]!.fteNeeded).toBeCloseTo(42 * (12 / 75), 10);
    expect(res.years[0]!.shareOfWorkforce).toBeCloseTo((42 * 0.16) / 78, 10);
    expect(res.thresholdYear).toBe(2025); // (2 + 250 + 150) users × 0.16 ≈ 64 FTE > 0.5 × 78
  });
});
