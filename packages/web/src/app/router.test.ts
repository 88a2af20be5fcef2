import { describe, expect, it } from 'vitest';
import { isPublicRoute, mapPath, parseRoute, workspacePath } from './router.ts';

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

  it('parses the access pages and says which need no session', () => {
    expect(parseRoute('/workspaces/w1/members')).toEqual({ page: 'members', workspaceId: 'w1' });
    expect(parseRoute('/sign-in')).toEqual({ page: 'signIn' });
    expect(parseRoute('/setup')).toEqual({ page: 'setup' });
    expect(parseRoute('/account')).toEqual({ page: 'account' });
    expect(parseRoute('/admin')).toEqual({ page: 'admin' });
    expect(parseRoute('/admin/audit')).toEqual({ page: 'adminAudit' });
    expect(parseRoute('/admin/identity-providers')).toEqual({ page: 'adminIdentityProviders' });
    expect(parseRoute('/reset')).toEqual({ page: 'reset' });
    expect(parseRoute('/invitations/abc')).toEqual({ page: 'invitation', token: 'abc' });
    expect(parseRoute('/share/xyz')).toEqual({ page: 'share', token: 'xyz' });
    expect(parseRoute('/invitation')).toEqual({ page: 'invitation', token: null });
    expect(parseRoute('/share')).toEqual({ page: 'share', token: null });
    const open = ['/fremtid', '/sign-in', '/setup', '/invitations/a', '/share/b', '/share'];
    for (const path of open) expect(isPublicRoute(parseRoute(path))).toBe(true);
    const closed = [
      '/',
      '/workspaces/w1',
      '/maps/m1',
      '/workspaces/w1/members',
      '/account',
      '/admin',
      '/admin/audit',
    ];
    for (const path of closed) expect(isPublicRoute(parseRoute(path))).toBe(false);
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
