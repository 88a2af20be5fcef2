import { describe, expect, it } from 'vitest';
import { FREMTID_PAGE_NAMES, firstRegion, fremtidPageName, parseFremtidRoute } from './routes.ts';

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

describe('fremtidPageName', () => {
  const page = (path: string) => fremtidPageName(path.split('/').filter(Boolean));

  it('names the page of each path, a dialogue sub-page included', () => {
    expect(page('')).toBe('norge');
    expect(page('kommune/3101/faktaark')).toBe('faktaark');
    expect(page('dialog')).toBe('dialog.home');
    expect(page('dialog/abc123')).toBe('dialog.participant');
    expect(page('dialog/ABC123/skjerm')).toBe('dialog.projector');
    expect(page('dialog/ABC123/fasilitator')).toBe('dialog.facilitator');
    expect(page('dialog/ABC123/nope')).toBeNull();
    expect(page('nope')).toBeNull();
  });

  it('lists each page once', () => {
    expect(new Set(FREMTID_PAGE_NAMES).size).toBe(FREMTID_PAGE_NAMES.length);
  });
});
