import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentName, parseDocumentName, workspaceDocumentName } from './names.ts';

describe('document names', () => {
  it('name a map by its id and a process by its workspace id', () => {
    expect(documentName({ kind: 'map', id: 'm-1' })).toBe('m-1');
    expect(workspaceDocumentName('w-1')).toBe('workspace:w-1');
    expect(parseDocumentName('workspace:w-1')).toEqual({ kind: 'workspace', id: 'w-1' });
    expect(parseDocumentName('m-1')).toEqual({ kind: 'map', id: 'm-1' });
  });

  it('refuse names that carry no valid id', () => {
    for (const name of ['', 'workspace:', 'workspace:a:b', 'a b', 'x'.repeat(500)])
      expect(parseDocumentName(name)).toBeNull();
  });

  it('parse back every name they make', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,30}$/);
    fc.assert(
      fc.property(fc.constantFrom('map' as const, 'workspace' as const), id, (kind, i) => {
        expect(parseDocumentName(documentName({ kind, id: i }))).toEqual({ kind, id: i });
      }),
    );
  });
});
