import { describe, expect, it } from 'vitest';
import { DEFAULT_CARE_ASSUMPTIONS } from '@helhet/demografi';
import { readSnapshotFile } from '../snapshot-file.ts';
import { sink } from './sink.test-helper.ts';
import { runCare } from './care.ts';

describe('helhet care', () => {
  it('projects users, FTEs and the workforce share for Halden from the KOSTRA panel', async () => {
    const out = sink();
    const care = await runCare(
      {
        kommune: '3101',
        base: 2024,
        to: 2040,
        assumptions: { ...DEFAULT_CARE_ASSUMPTIONS, threshold: { value: 0.001, source: 'test' } },
        format: 'csv',
        snapshot: readSnapshotFile(),
      },
      out.stream,
    );
    const lines = out.text().trim().split('\n');
    expect(lines[0]).toBe(
      'kommunenummer,year,home_users,institution_users,fte_needed,workforce,share_of_workforce',
    );
    expect(lines).toHaveLength(1 + 17);
    expect(care.thresholdYear).toBe(2024);
    // An ageing population needs more care: more users in 2040 than in 2024.
    const first = care.years[0]!;
    const last = care.years.at(-1)!;
    expect(last.homeUsers + last.institutionUsers).toBeGreaterThan(
      first.homeUsers + first.institutionUsers,
    );
    expect(care.assumptions.employmentRate.source).toMatch(/assumption/i);
  });
});
