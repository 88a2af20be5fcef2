import { describe, expect, it } from 'vitest';
import { mapPath, parseRoute, workspacePath } from './router.ts';

describe('parseRoute', () => {
  it('parses the top-level pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'start' });
    expect(parseRoute('/workspaces/w1')).toEqual({ page: 'workspace', workspaceId: 'w1' });
    expect(parseRoute('/maps/m1')).toEqual({ page: 'map', mapId: 'm1' });
    expect(parseRoute('/fremtid/kommune/0301')).toEqual({
      page: 'fremtid',
      parts: ['kommune', '0301'],
    });
    expect(parseRoute('/workspaces/w1/process/insight')).toEqual({
      page: 'process',
      workspaceId: 'w1',
      parts: ['insight'],
    });
    expect(parseRoute('/nowhere')).toEqual({ page: 'notFound' });
  });

  it('decodes what the path builders encode', () => {
    const id = 'kart med/skråstrek æøå %';
    expect(parseRoute(mapPath(id))).toEqual({ page: 'map', mapId: id });
    expect(parseRoute(workspacePath(id))).toEqual({ page: 'workspace', workspaceId: id });
  });

  it('sends a malformed escape to the not-found page instead of throwing', () => {
    for (const path of ['/maps/%zz', '/workspaces/%E0%A4%A', '/fremtid/%', '/%zz/process'])
      expect(parseRoute(path)).toEqual({ page: 'notFound' });
  });
});
