import { describe, expect, it } from 'vitest';
import { firstRegion, parseFremtidRoute } from './routes.ts';

const first = (path: string, search = '') =>
  firstRegion(parseFremtidRoute(path.split('/').filter(Boolean)), search);

describe('firstRegion', () => {
  it("is the region a page shows first, whose extract the worker loads before the country's", () => {
    expect(first('kommune/3101')).toBe('3101');
    expect(first('kommune/46/faktaark')).toBe('46');
    expect(first('embed/0301')).toBe('0301');
    expect(first('scenario', '?k=1508&tfr=1.6')).toBe('1508');
  });

  it('is null where the page needs the whole country or names no region', () => {
    expect(first('kommune/0')).toBeNull();
    expect(first('')).toBeNull();
    expect(first('kommune')).toBeNull();
    expect(first('scenario')).toBeNull();
    expect(first('scenario', '?k=abc')).toBeNull();
    expect(first('dialog')).toBeNull();
    expect(first('kommune/31x1')).toBeNull();
  });
});
