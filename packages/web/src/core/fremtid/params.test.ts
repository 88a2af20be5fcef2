import { describe, expect, it } from 'vitest';
import { MAIN_SCENARIO, paramsFromQuery, paramsToQuery } from './params.ts';

describe('permalink parameters', () => {
  it('round-trip and ignore invalid values one by one', () => {
    const params = { ...MAIN_SCENARIO, tfr: 1.6, migration: 0.5, alignSsb: true };
    const q = paramsToQuery(params);
    expect(q.toString()).toBe('tfr=1.6&mig=0.5&ssb=true');
    expect(paramsFromQuery(q).params).toEqual(params);
    const bad = paramsFromQuery(new URLSearchParams('tfr=9&mig=abc&emp=0.7'));
    expect(bad.params).toEqual({ ...MAIN_SCENARIO, employmentRate: 0.7 });
    expect(bad.problems).toEqual(['tfr=9', 'mig=abc']);
  });
});
