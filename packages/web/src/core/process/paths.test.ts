import { describe, expect, it } from 'vitest';
import { parseSection, processPath } from './paths.ts';

describe('process paths', () => {
  it('builds and parses section paths', () => {
    expect(processPath('w 1')).toBe('/workspaces/w%201/process');
    expect(processPath('w1', 'portfolio')).toBe('/workspaces/w1/process/portfolio');
    expect(parseSection([])).toBeNull();
    expect(parseSection(['insight'])).toBe('insight');
    expect(parseSection(['nope'])).toBe('notFound');
    expect(parseSection(['insight', 'x'])).toBe('notFound');
  });
});
